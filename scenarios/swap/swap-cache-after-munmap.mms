# A page read back into the swap cache by one process stays there after that process unmaps it,
# while another process's swap entry still points at its slot: mincore reports the child's
# swapped page resident, and the child's read maps that very page.
# Source: mm/swap_state.c (swap cache), mm/mincore.c mincore_swap, mm/memory.c do_swap_page.
requires: root, swap
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x31)
madvise(a, PAGE, MADV_PAGEOUT) = 0
fork() => child
load(a, 1) == 0x31
pagemap(a, 1) == present|exclusive@P1
munmap(a, PAGE) = 0
in child: pagemap(a, 1) == swapped@S1
in child: mincore(a, PAGE) == 1
in child: load(a, 1) == 0x31
in child: pagemap(a, 1) == present|exclusive@P1
in child: store(a, PAGE, 0x32)
in child: pagemap(a, 1) == present|exclusive@P1
