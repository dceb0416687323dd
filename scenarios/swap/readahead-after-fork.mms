# Swap readahead on this machine: a slot only one entry points at is read straight into the
# faulting page (zram is a synchronous device), with no readahead; once fork shares the slots, a
# fault that misses the swap cache reads a window of the VMA's neighbouring swap entries into the
# swap cache without mapping them — mincore sees them, in both processes. The first window is 8
# pages centred on the fault (clipped to the VMA: 5 here); pages found read ahead count as hits,
# and the next miss next to the last fault reads 8 pages forward.
# Source: mm/memory.c do_swap_page (SWP_SYNCHRONOUS_IO); mm/swap_state.c swap_vma_readahead,
# swap_vma_ra_win, __swapin_nr_pages (GET_SWAP_RA_VAL starts with 4 hits), page-cluster 3.
requires: root, swap
a = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 16*PAGE, 0x11)
madvise(a, 16*PAGE, MADV_PAGEOUT) = 0
load(a+8*PAGE, 1) == 0x11
mincore(a, 16*PAGE) == 0*8 1 0*7
madvise(a, 16*PAGE, MADV_PAGEOUT) = 0
fork() => child
mincore(a, 16*PAGE) == 0
load(a, 1) == 0x11
mincore(a, 16*PAGE) == 1*5 0*11
pagemap(a, 2) == present|exclusive@P1, swapped@S1
load(a+PAGE, 1) == 0x11
load(a+2*PAGE, 1) == 0x11
load(a+3*PAGE, 1) == 0x11
load(a+4*PAGE, 1) == 0x11
mincore(a, 16*PAGE) == 1*5 0*11
load(a+5*PAGE, 1) == 0x11
mincore(a, 16*PAGE) == 1*13 0*3
in child: mincore(a, 16*PAGE) == 1*13 0*3
in child: pagemap(a+12*PAGE, 2) == swapped@S2, swapped@S3
load(a+12*PAGE, 1) == 0x11
mincore(a, 16*PAGE) == 1*13 0*3
