# A multi-VMA move carries VMAs of different kinds as they are: a private anonymous
# VMA, a read-only one and a shared memfd VMA (which keeps its file offset), with a
# trailing gap moved along as a gap.
# Source: kernel-spec.md §9.4 (multi-VMA move since 6.17; shmem VMAs are allowed).
requires: root
fd = memfd_create("multi", 0)
ftruncate(fd, 4*PAGE) = 0
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+32*PAGE, 32*PAGE) = 0
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
store(a, 2*PAGE, 0x61)
mprotect(a+PAGE, PAGE, PROT_READ) = 0
s = mmap(r+2*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 2*PAGE) = r+2*PAGE
store(s, 2*PAGE, 0x73)
pagemap(s, 1) == present|file|exclusive@P1
munmap(r+4*PAGE, 2*PAGE) = 0
mremap(r, 6*PAGE, 6*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = r+40*PAGE
maps(r+40*PAGE) == r+40*PAGE..r+41*PAGE rw-p
maps(r+41*PAGE) == r+41*PAGE..r+42*PAGE r--p
maps(r+42*PAGE) == r+42*PAGE..r+44*PAGE rw-s "/memfd:multi (deleted)"
vmas(r+44*PAGE, 2*PAGE) == 0
pagemap(r+42*PAGE, 1) == present|file|exclusive@P1
load(r+40*PAGE, 2*PAGE) == 0x61
load(r+42*PAGE, 2*PAGE) == 0x73
vmas(r, 6*PAGE) == 0
