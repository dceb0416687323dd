# Reclaim leaves mlocked pages in memory (the kernel keeps them on its unevictable list) and takes
# the unlocked pages beside them; the locked page keeps its data and its place.
# Source: mm/vmscan.c folio_evictable, shrink_folio_list; mm/mlock.c mlock_folio.
requires: root, swap, memcg
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x41)
mlock(a+PAGE, PAGE) = 0
reclaim()
pagemap(a, 3) == swapped, present|exclusive, swapped
status.VmSwap == 8 kB
status.VmLck == 4 kB
smaps(a+PAGE).Rss == 4 kB
load(a, 3*PAGE) == 0x41*12288
status.VmSwap == 0 kB
