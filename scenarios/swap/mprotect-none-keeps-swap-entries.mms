# PROT_NONE over swap entries keeps them, slots and all: an access faults with SEGV_ACCERR without
# swapping anything in (VmSwap stays), and after PROT_READ|PROT_WRITE the data comes back.
# Source: mm/mprotect.c change_pte_range (swap entries of a private mapping are left as they are);
# mm/memory.c do_swap_page after the VMA's permission check in handle_mm_fault.
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x5c)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
mprotect(a, 2*PAGE, PROT_NONE) = 0
pagemap(a, 2) == swapped@S1, swapped@S2
load(a, 1) => SIGSEGV SEGV_ACCERR at a
status.VmSwap == 8 kB
smaps(a).Swap == 8 kB
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
store(a+PAGE, 1, 0x5d)
pagemap(a, 2) == swapped@S1, present|exclusive
load(a, PAGE+1) == 0x5c*4096 0x5d
