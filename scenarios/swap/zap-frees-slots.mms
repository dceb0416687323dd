# MADV_DONTNEED, munmap and exit free the slots of the swap entries they remove: VmSwap drops,
# and the parent's entry of a slot fork shared counts alone again (SwapPss back to a whole page).
# Source: mm/memory.c zap_nonpresent_ptes (free_swap_and_cache); kernel/fork.c.
requires: root, swap
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x41)
madvise(a, 4*PAGE, MADV_PAGEOUT) = 0
status.VmSwap == 16 kB
madvise(a, PAGE, MADV_DONTNEED) = 0
pagemap(a, 2) == none, swapped@S1
status.VmSwap == 12 kB
load(a, 1) == 0x00
munmap(a+3*PAGE, PAGE) = 0
status.VmSwap == 8 kB
fork() => child
smaps(a).SwapPss == 4 kB
exit(child)
smaps(a).SwapPss == 8 kB
load(a+PAGE, 2*PAGE) == 0x41*8192
status.VmSwap == 0 kB
