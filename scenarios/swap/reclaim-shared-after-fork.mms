# A private page fork shares is mapped by two processes: MADV_PAGEOUT passes over it, but reclaim
# takes it all the same, through the anon rmap, so both PTEs become the same swap entry. Each
# process reads it back; the child's write then gets its own copy.
# Source: mm/madvise.c madvise_cold_or_pageout_pte_range (skips a folio mapped more than once);
# mm/rmap.c try_to_unmap_one; mm/memcontrol-v1.c mem_cgroup_force_empty.
requires: root, swap, memcg
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x21)
store(a+PAGE, PAGE, 0x22)
fork() => child
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == present*2
reclaim()
pagemap(a, 2) == swapped@S1, swapped@S2
in child: pagemap(a, 2) == swapped@S1, swapped@S2
status.VmSwap == 8 kB
in child: status.VmSwap == 8 kB
in child: smaps(a).Swap == 8 kB
load(a, PAGE) == 0x21
in child: load(a, PAGE) == 0x21
in child: store(a+PAGE, 1, 0x23)
in child: load(a+PAGE, 2) == 0x23 0x22
load(a+PAGE, 2) == 0x22 0x22
in child: status.VmSwap == 0 kB
status.VmSwap == 0 kB
