# fork copies a swap entry (the slot's count goes to 2, smaps SwapPss halves, both sides lose the
# exclusive bit); PAGEOUT then skips a page the two processes map. The parent's read brings the
# page into the swap cache (the child still needs the slot), the child's write finds it there and
# copies it, and each keeps its own data.
# Source: mm/memory.c copy_nonpresent_pte, do_swap_page, do_wp_page; mm/madvise.c
# madvise_cold_or_pageout_pte_range; fs/proc/task_mmu.c smaps_pte_entry.
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x21)
madvise(a, PAGE, MADV_PAGEOUT) = 0
fork() => child
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == swapped@S1, present@P1
in child: pagemap(a, 2) == swapped@S1, present@P1
smaps(a).Swap == 4 kB
smaps(a).SwapPss == 2 kB
in child: smaps(a).Swap == 4 kB
load(a, 1) == 0x21
pagemap(a, 2) == present|exclusive@P2, present@P1
in child: mincore(a, 2*PAGE) == 1 1
in child: store(a, 1, 0x22)
in child: pagemap(a, 2) == present|exclusive@P3, present@P1
in child: load(a, 2) == 0x22 0x21
load(a, 2) == 0x21 0x21
store(a, 1, 0x23)
load(a, 2) == 0x23 0x21
in child: load(a, 1) == 0x22
