# Guard regions (MADV_GUARD_INSTALL / MADV_GUARD_REMOVE): markers in place of pages, SIGSEGV on access,
# EFAULT for populate, kept by DONTNEED, mprotect and mremap, copied by fork, dropped by munmap;
# refused on mlocked VMAs (install only). Source: kernel-spec.md §7, mm/madvise.c madvise_guard_install.
# Found by mmkit fuzz (seed 1000 and most other seeds: the model answered EINVAL to both advices).
requires: root
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(r+8*PAGE, 3*PAGE, MADV_GUARD_REMOVE) = 0
madvise(r+8*PAGE, 3*PAGE, MADV_GUARD_INSTALL) = 0
pagemap(r+7*PAGE, 5) == none, swapped|guard*3, none
fd = memfd_create("g", 0)
ftruncate(fd, 4*PAGE) = 0
m = mmap(r+32*PAGE, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 0) = r+0x20000
store(m, 4*PAGE, 3)
madvise(m+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
pagemap(m, 4) == present|file|exclusive, swapped|guard, present|file|exclusive, present|file|exclusive
load(m+PAGE, 1) => SIGSEGV SEGV_MAPERR at m+0x1000
madvise(m+PAGE, PAGE, MADV_GUARD_REMOVE) = 0
load(m+PAGE, 1) == 0x03
pagemap(m, 4) == present|file|exclusive, present|file|exclusive, present|file|exclusive, present|file|exclusive
a = mmap(r+16*PAGE, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x10000
store(a, 4*PAGE, 7)
madvise(a+PAGE, 2*PAGE, MADV_GUARD_INSTALL) = 0
pagemap(a, 5) == present|exclusive, swapped|guard*2, present|exclusive, none
load(a+PAGE, 1) => SIGSEGV SEGV_MAPERR at a+0x1000
store(a+2*PAGE, 1, 1) => SIGSEGV SEGV_MAPERR at a+0x2000
vmas(a, 8*PAGE) == 1
smaps(a).Rss == 8 kB
madvise(a, 8*PAGE, MADV_DONTNEED) = 0
pagemap(a, 5) == none, swapped|guard*2, none*2
madvise(a+PAGE, 7*PAGE, MADV_POPULATE_READ) = -1 EFAULT
fork() => c
in c: pagemap(a, 5) == none, swapped|guard*2, none*2
in c: load(a+PAGE, 1) => SIGSEGV SEGV_MAPERR at a+0x1000
in c: madvise(a+PAGE, PAGE, MADV_GUARD_REMOVE) = 0
in c: load(a+PAGE, 1) == 0x00
pagemap(a, 5) == none, swapped|guard*2, none*2
mlock(a+4*PAGE, PAGE) = 0
madvise(a+4*PAGE, PAGE, MADV_GUARD_INSTALL) = -1 EINVAL
madvise(a+4*PAGE, PAGE, MADV_GUARD_REMOVE) = 0
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+48*PAGE) = r+0x30000
pagemap(r+48*PAGE, 4) == none, swapped|guard*2, none
mprotect(r+8*PAGE, 3*PAGE, PROT_READ) = 0
load(r+8*PAGE, 1) => SIGSEGV SEGV_MAPERR at r+0x8000
munmap(r+8*PAGE, PAGE) = 0
pagemap(r+8*PAGE, 2) == none, swapped|guard
