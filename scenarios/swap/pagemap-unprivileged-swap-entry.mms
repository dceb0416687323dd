# A reader without CAP_SYS_ADMIN sees bit 62 of a swap entry, and its other flag bits, but not its
# type and offset: the frame field stays 0, as for a present page's frame. A privileged reader of
# its own swap entry sees the slot.
# Source: fs/proc/task_mmu.c pte_to_pagemap_entry (the swap frame is filled only with
# pm->show_pfn), pagemap_open (show_pfn is the opener's CAP_SYS_ADMIN).
requires: root, swap
process p unprivileged
in p: a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: store(a, 3*PAGE, 0x11)
in p: madvise(a+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
in p: madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
in p: pagemap(a, 3) == swapped@0, swapped|guard, swapped@0
in p: fork() => child
in child: pagemap(a, 3) == swapped@0, swapped|guard, swapped@0
in p: load(a, 1) == 0x11
in p: pagemap(a, 1) == present|exclusive@0
in child: load(a+2*PAGE, 1) == 0x11
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(b, PAGE, 0x22)
madvise(b, PAGE, MADV_PAGEOUT) = 0
pagemap(b, 1) == swapped@S1
