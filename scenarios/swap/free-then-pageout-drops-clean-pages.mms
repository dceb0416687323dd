# MADV_PAGEOUT reclaims a page MADV_FREE made lazily freeable without swap: a page not written since
# is dropped (no swap entry; it reads as zero), a page written again is dirty, becomes swap-backed
# again and stays mapped with its data (try_to_unmap_one refuses it; reclaim activates it).
# Source: mm/rmap.c try_to_unmap_one (the MADV_FREE branch), mm/vmscan.c shrink_folio_list.
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x31)
madvise(a, 2*PAGE, MADV_FREE) = 0
store(a+PAGE, 1, 0x32)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == none, present|exclusive@P1
status.VmSwap == 0 kB
smaps(a).Rss == 4 kB
load(a, 1) == 0x00
load(a+PAGE, 2) == 0x32 0x31
