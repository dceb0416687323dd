# A fresh swap area hands out its slots in order from 1 (slot 0 is the header), and a slot freed
# by a swap-in is not taken again while later ones are free: the cluster allocator keeps going
# forward in its cluster. pagemap's frame field of a swap entry is type | offset << 5 (type 0 here).
# Source: mm/swapfile.c cluster_alloc_swap_entry; kernel-spec.md §1.4.
requires: root, swap
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
store(a+PAGE, PAGE, 0x22)
store(a+2*PAGE, PAGE, 0x33)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped@S1, swapped@S2, present|exclusive@P1
madvise(a+2*PAGE, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped@S1, swapped@S2, swapped@S3
load(a, 1) == 0x11
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped@S4, swapped@S2, swapped@S3
load(a, 3*PAGE) == 0x11*4096 0x22*4096 0x33*4096
