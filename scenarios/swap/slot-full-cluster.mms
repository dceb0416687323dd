# When the CPU's cluster is full the next slot comes from a new cluster: the first of the clusters
# a slot was freed in (nonfull_clusters), scanned from its start, else the next free cluster. A
# cluster allocated from after its free goes to the frag list, whose holes wait until no free
# cluster is left; a later free puts it back on the nonfull list. Clusters hold 512 slots; slot 0 is
# the header. Here: slots 1-10, a hole at 4 (munmap), 11-511 fill cluster 0 (now on the frag list),
# so the next page gets 512 (cluster 1), not 4; a hole at 5 puts cluster 0 on the nonfull list, and
# once 513-1023 fill cluster 1, slots 4 and 5 come back, then 1024 (cluster 2).
# Source: mm/swapfile.c cluster_alloc_swap_entry, alloc_swap_scan_list, relocate_cluster,
# partial_free_cluster.
requires: root, swap
a = mmap(NULL, 1030*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1030*PAGE, 0x33)
madvise(a, 10*PAGE, MADV_PAGEOUT) = 0
pagemap(a+3*PAGE, 2) == swapped@S1, swapped@S2
munmap(a+3*PAGE, PAGE) = 0
madvise(a+10*PAGE, 501*PAGE, MADV_PAGEOUT) = 0
madvise(a+511*PAGE, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a+511*PAGE, 2) == swapped@S3, swapped@S4
munmap(a+4*PAGE, PAGE) = 0
madvise(a+513*PAGE, 510*PAGE, MADV_PAGEOUT) = 0
madvise(a+1023*PAGE, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(a+1023*PAGE, 3) == swapped@S1, swapped@S2, swapped@S5
load(a+1020*PAGE, 10*PAGE) == 0x33*40960
