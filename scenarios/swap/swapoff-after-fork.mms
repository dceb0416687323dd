# swapoff of a swap entry that fork shared: both processes get the same page back (the swap
# cache hands it to the second), neither exclusively; the child's write then copies it and the
# parent keeps its data.
# Source: mm/swapfile.c unuse_pte (swap_cache_get_folio, rmap without RMAP_EXCLUSIVE).
requires: root, swap
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x31)
madvise(a, PAGE, MADV_PAGEOUT) = 0
fork() => child
in child: pagemap(a, 1) == swapped@S1
swapoff() = 0
pagemap(a, 1) == present
in child: pagemap(a, 1) == present
pfn(a) == pfn(child, a)
smaps(a).Pss == 2 kB
in child: store(a, 1, 0x32)
pfn(a) != pfn(child, a)
load(a, 2) == 0x31 0x31
in child: load(a, 2) == 0x32 0x31
exit(child)
