# MADV_FREE of a range whose pages are out in swap discards them at once: the swap entries are
# cleared and their slots freed (VmSwap drops), and the range reads zeros; a page still in memory
# beside them is only marked lazily freeable and keeps its data until reclaim.
# Source: mm/madvise.c madvise_free_pte_range (free_swap_and_cache_nr of swap entries).
requires: root, swap
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x51)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped@S1, swapped@S2, present|exclusive
status.VmSwap == 8 kB
madvise(a+PAGE, 2*PAGE, MADV_FREE) = 0
pagemap(a, 3) == swapped@S1, none, present|exclusive
status.VmSwap == 4 kB
load(a+PAGE, PAGE) == 0x00
load(a+2*PAGE, 1) == 0x51
load(a, 1) == 0x51
