# Soft-dirty survives swap: swap-out copies the PTE's bit 11 into the swap entry's bit 1
# (try_to_unmap_one) and pagemap reports bit 55 from it; swap-in gives the new PTE the bit back
# (do_swap_page). clear_refs 4 clears the swap entry's bit too; a page read back in from such an
# entry is clean and mapped read-only even though it is exclusive (pte_needs_soft_dirty_wp), so
# that its next write faults and sets the bit.
# Source: mm/rmap.c try_to_unmap_one; mm/memory.c do_swap_page; fs/proc/task_mmu.c
# clear_soft_dirty, pte_to_pagemap_entry; kernel-spec.md §5.
requires: soft-dirty, swap
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x11)
write(cr, "4", 1) = 1
store(a, 1, 0x22)
pagemap(a, 3) == present|exclusive|soft_dirty, present|exclusive*2
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped|soft_dirty, swapped*2
# back in by a read: the bit comes back from the entry
load(a, 1) == 0x22
pagemap(a, 1) == present|exclusive|soft_dirty
# a clean entry comes back clean; its write faults and sets the bit
load(a+PAGE, 1) == 0x11
pagemap(a+PAGE, 1) == present|exclusive
store(a+PAGE, 1, 0x33)
pagemap(a+PAGE, 1) == present|exclusive|soft_dirty
# clear_refs 4 clears the bit of a swap entry as well
store(a+2*PAGE, 1, 0x44)
madvise(a+2*PAGE, PAGE, MADV_PAGEOUT) = 0
pagemap(a+2*PAGE, 1) == swapped|soft_dirty
write(cr, "4", 1) = 1
pagemap(a, 3) == present|exclusive*2, swapped
# a write fault on a clean swap entry: mapped read-only first, then do_wp_page sets the bit
store(a+2*PAGE, 1, 0x55)
pagemap(a, 3) == present|exclusive*2, present|exclusive|soft_dirty
load(a+2*PAGE, 1) == 0x55
