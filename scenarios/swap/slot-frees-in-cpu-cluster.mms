# Slots freed in the CPU's cluster are not taken again while the cluster has free slots after the
# last one handed out: the allocator goes on from the CPU's next offset (percpu_swap_cluster), so
# a page swapped out again after a swap-in, or a new one after a munmap freed a slot, gets a new
# slot, in order.
# Source: mm/swapfile.c folio_alloc_swap, swap_alloc_fast, alloc_swap_scan_cluster.
requires: root, swap
a = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 6*PAGE, 0x5a)
madvise(a, 4*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 4) == swapped@S1, swapped@S2, swapped@S3, swapped@S4
load(a+PAGE, 1) == 0x5a
munmap(a+2*PAGE, PAGE) = 0
madvise(a+PAGE, PAGE, MADV_PAGEOUT) = 0
madvise(a+4*PAGE, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == swapped@S1, swapped@S5
pagemap(a+3*PAGE, 3) == swapped@S4, swapped@S6, swapped@S7
load(a, 2*PAGE) == 0x5a*8192
load(a+3*PAGE, 3*PAGE) == 0x5a*12288
