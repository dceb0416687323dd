# mremap with MREMAP_DONTUNMAP moves the swap entries to the new range with their slots, as a plain
# move does, and leaves the old range mapped but empty: it reads zeros, and VmSwap counts the moved
# entries once.
# Source: mm/mremap.c move_ptes (swap entries move as they are), mremap_dontunmap selftest
# (the source reads as fresh anonymous memory); fs/proc/task_mmu.c (MM_SWAPENTS).
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x31)
store(a+PAGE, PAGE, 0x32)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == swapped@S1, swapped@S2
status.VmSwap == 8 kB
b = mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)
pagemap(b, 2) == swapped@S1, swapped@S2
pagemap(a, 2) == none*2
status.VmSwap == 8 kB
smaps(b).Swap == 8 kB
smaps(a).Swap == 0 kB
load(a, PAGE) == 0x00
load(b+PAGE, 1) == 0x32
pagemap(b, 2) == swapped@S1, present|exclusive
load(b, PAGE) == 0x31
status.VmSwap == 0 kB
