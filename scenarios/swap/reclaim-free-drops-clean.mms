# Reclaim drops the pages MADV_FREE made lazily freeable and nothing wrote since: no swap entry,
# and they read as zero. A page written again after MADV_FREE is dirty: reclaim cannot drop it and
# makes it swap-backed and active again, so its data stays. (Whether that active page then goes to
# swap in the same reclaim is not compared: the kernel ages the active list of a memory cgroup by
# its LRU statistics, which it flushes every 2 s, so right after the scenario's stores it usually
# keeps the page, while the model, whose statistics are exact, takes it.)
# Source: mm/rmap.c try_to_unmap_one (the MADV_FREE branch); mm/vmscan.c shrink_folio_list, inactive_is_low.
requires: root, swap, memcg
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x31)
madvise(a, 3*PAGE, MADV_FREE) = 0
store(a+2*PAGE, 1, 0x32)
reclaim()
pagemap(a, 2) == none*2
load(a, 1) == 0x00
load(a+PAGE, 1) == 0x00
load(a+2*PAGE, 2) == 0x32 0x31
