# A cluster whose last slot in use is freed goes to the tail of the free list and gives back its
# swap table, so the CPU's cluster is no longer usable there: the next page gets the next free
# cluster (1024, cluster 2), not the freed cluster 1 (512) the CPU was in.
# Source: mm/swapfile.c swap_entries_free, free_cluster, cluster_is_usable, swap_alloc_fast.
requires: root, swap
a = mmap(NULL, 515*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 515*PAGE, 0x44)
madvise(a, 513*PAGE, MADV_PAGEOUT) = 0
pagemap(a+510*PAGE, 3) == swapped@S1, swapped@S2, swapped@S3
munmap(a+511*PAGE, 2*PAGE) = 0
madvise(a+513*PAGE, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a+513*PAGE, 2) == swapped@S4, swapped@S5
load(a+513*PAGE, 2*PAGE) == 0x44*8192
