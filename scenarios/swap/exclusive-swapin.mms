# A page swapped out from one process keeps the exclusive bit in its swap entry: a read brings it
# back mapped writable (pagemap bit 56 again), so the later write reuses the same frame without a
# copy; the slot is freed at swap-in (a synchronous device skips the swap cache for a slot only
# one entry points at), so VmSwap and smaps Swap drop to 0 and mincore needs no swap cache.
# Source: mm/memory.c do_swap_page (pte_swp_exclusive, RMAP_EXCLUSIVE); kernel-spec.md §5.
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x61)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
status.VmSwap == 8 kB
mincore(a, 2*PAGE) == 0 0
load(a, 1) == 0x61
pagemap(a, 2) == present|exclusive@P1, swapped@S1
status.VmSwap == 4 kB
store(a, 1, 0x62)
pagemap(a, 1) == present|exclusive@P1
store(a+PAGE, 1, 0x63)
load(a+PAGE, 2) == 0x63 0x61
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
status.VmSwap == 0 kB
smaps(a).Swap == 0 kB
