# MADV_FREE leaves alone a page the swap cache holds for a slot another swap entry still needs
# (folio_free_swap cannot free it): the page stays swap-backed, so a later MADV_PAGEOUT puts it
# back to its slot rather than dropping it, and the parent reads its data again.
# Source: mm/madvise.c madvise_free_pte_range, mm/swapfile.c folio_free_swap.
requires: root, swap
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x41)
madvise(a, PAGE, MADV_PAGEOUT) = 0
fork() => child
load(a, 1) == 0x41
mincore(a, PAGE) == 1
madvise(a, PAGE, MADV_FREE) = 0
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 1) == swapped@S1
in child: pagemap(a, 1) == swapped@S1
load(a, 1) == 0x41
in child: load(a, 1) == 0x41
