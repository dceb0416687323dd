# FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE frees the whole pages of the range: they are
# unmapped, no longer resident, and read zeros afterwards; partial pages at the edges are
# zeroed in place. The file size does not change.
# Source: kernel-spec.md §8 (hole punch), mm/shmem.c shmem_fallocate.
requires: root
fd = memfd_create("punch", 0)
ftruncate(fd, 4*PAGE) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 4*PAGE, 0x5a)
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, PAGE, PAGE) = 0
pagemap(a, 4) == present|file|exclusive, none, present|file|exclusive*2
mincore(a, 4*PAGE) == 1 0 1 1
load(a+PAGE, PAGE) == 0
load(a, PAGE) == 0x5a
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 3*PAGE-16, 32) = 0
load(a+3*PAGE-16, 32) == 0
load(a+2*PAGE, PAGE-16) == 0x5a
load(a+3*PAGE+16, PAGE-16) == 0x5a
pagemap(a+2*PAGE, 2) == present|file|exclusive*2
