# A page the swap cache still holds after a swap-in is reused by a write once no swap entry needs
# its slot: the child's exit drops the last entry, the parent's write frees the swap cache
# (folio_free_swap) and keeps the very frame, with no copy.
# Source: mm/memory.c wp_can_reuse_anon_folio, do_swap_page; mm/swapfile.c folio_free_swap.
requires: root, swap
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x81)
madvise(a, PAGE, MADV_PAGEOUT) = 0
fork() => child
load(a, 1) == 0x81
pagemap(a, 1) == present|exclusive@P1
exit(child)
store(a, 1, 0x82)
pagemap(a, 1) == present|exclusive@P1
load(a, 2) == 0x82 0x81
status.VmSwap == 0 kB
