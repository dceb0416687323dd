# A hole punch unmaps the file's pages from every mapping but leaves private COW copies
# alone: the private mapping keeps its written data, its unwritten page now reads zeros.
# Source: mm/shmem.c shmem_fallocate (unmap_mapping_range without even_cows), kernel-spec.md §8.
requires: root
fd = memfd_create("punch", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x11)
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p, 1, 0x22)
load(p+PAGE, 1) == 0x11
pagemap(p, 2) == present|exclusive, present|file
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, 2*PAGE) = 0
pagemap(p, 2) == present|exclusive, none
pagemap(s, 2) == none
load(p, 2) == 0x22 0x11
load(p+PAGE, PAGE) == 0
load(s, 2*PAGE) == 0
