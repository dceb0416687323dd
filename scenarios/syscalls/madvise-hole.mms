# madvise over a range with holes still applies the advice to every mapped part,
# before and after each hole, and then fails with ENOMEM.
# Source: kernel-spec.md §8 (holes → ENOMEM after processing the rest).
requires: root
r = mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(r, 5*PAGE, 0x5c)
munmap(r+PAGE, PAGE) = 0
munmap(r+3*PAGE, PAGE) = 0
pagemap(r, 5) == present|exclusive, none, present|exclusive, none, present|exclusive
madvise(r, 5*PAGE, MADV_DONTNEED) = -1 ENOMEM
pagemap(r, 5) == none
load(r, 1) == 0
load(r+2*PAGE, 1) == 0
load(r+4*PAGE, 1) == 0
# A flag-setting advice is applied past the holes too.
madvise(r+PAGE, 4*PAGE, MADV_DONTFORK) = -1 ENOMEM
vmflags(r) lacks dc
vmflags(r+2*PAGE) has dc
vmflags(r+4*PAGE) has dc
