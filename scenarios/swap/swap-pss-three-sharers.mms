# SwapPss divides a slot among the swap entries that point at it: after two forks three processes
# hold each entry, so each counts a third of every page, summed in bytes << 12 and rounded down
# once (three thirds of a page: 3 kB), while Swap counts whole pages. Entries that go (a page
# mapped over, an exit) leave the other holders bigger shares.
# Source: fs/proc/task_mmu.c smaps_pte_entry (swap_count, PSS_SHIFT), smap_gather_stats.
requires: root, swap
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x61)
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
fork() => c1
fork() => c2
smaps(a).Swap == 12 kB
smaps(a).SwapPss == 3 kB
in c1: smaps(a).SwapPss == 3 kB
b = mmap(a+PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
# the new page merges with its neighbours: one VMA with two swap entries
smaps(a).Swap == 8 kB
smaps(a).SwapPss == 2 kB
in c2: smaps(a).SwapPss == 4 kB
exit(c1)
in c2: smaps(a).SwapPss == 8 kB
in c2: smaps(a).Swap == 12 kB
in c2: load(a, 3*PAGE) == 0x61
in c2: smaps(a).Swap == 0 kB
