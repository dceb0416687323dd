# mremap shrinking a range whose pages are out in swap unmaps the tail and frees its slots (VmSwap
# drops); growing it in place keeps the swap entries where they are, and the new tail is empty.
# Source: mm/mremap.c mremap (shrink: do_vmi_munmap → zap_nonpresent_ptes, free_swap_and_cache).
requires: root, swap
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+4*PAGE, 4*PAGE) = 0
a = mmap(r, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
store(a, 4*PAGE, 0x91)
madvise(a, 4*PAGE, MADV_PAGEOUT) = 0
status.VmSwap == 16 kB
mremap(a, 4*PAGE, PAGE, 0, 0) = a
status.VmSwap == 4 kB
mremap(a, PAGE, 6*PAGE, 0, 0) = a
pagemap(a, 3) == swapped@S1, none*2
smaps(a).Swap == 4 kB
load(a, PAGE+1) == 0x91*4096 0x00
