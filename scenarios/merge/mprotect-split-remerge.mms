# mprotect of the middle of a faulted mapping splits it into three VMAs; restoring the
# protection merges them back into one, and the pages stay where they were.
# Source: kernel-spec.md §9.5 [obs: mprotect RO then RW of the middle re-merges].
requires: root
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 6*PAGE, 0x6d)
pagemap(a+2*PAGE, 1) == present|exclusive@P1
mprotect(a+2*PAGE, 2*PAGE, PROT_READ) = 0
vmas(a, 6*PAGE) == 3
maps(a+2*PAGE) == a+2*PAGE..a+4*PAGE r--p
mprotect(a+2*PAGE, 2*PAGE, PROT_READ|PROT_WRITE) = 0
vmas(a, 6*PAGE) == 1
maps(a) == a..a+6*PAGE rw-p
pagemap(a+2*PAGE, 1) == present|exclusive@P1
load(a, 6*PAGE) == 0x6d
