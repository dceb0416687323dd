# swapoff forgets the CPU's cluster in the area (flush_percpu_swap_cluster), and swapon builds its
# clusters anew: the first page swapped out after swapon gets slot 1 again, whatever was used
# before, and the next ones follow it.
# Source: mm/swapfile.c swapoff, flush_percpu_swap_cluster, swapon, setup_clusters.
requires: root, swap
a = mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 5*PAGE, 0x66)
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped@S1, swapped@S2, swapped@S3
swapoff() = 0
swapon() = 0
madvise(a+3*PAGE, 2*PAGE, MADV_PAGEOUT) = 0
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 5) == swapped@S3, present|exclusive@P1, present|exclusive@P2, swapped@S1, swapped@S2
load(a, 5*PAGE) == 0x66*20480
