# The lent area switched off and on again: swapon of an active area is EBUSY, swapoff of an
# inactive one EINVAL; while the area is off MADV_PAGEOUT leaves anonymous pages mapped, and once
# it is on again they go to swap from its first slot.
# Source: mm/swapfile.c swapon (claim_swapfile: EBUSY), swapoff (EINVAL when not found).
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x41)
swapon() = -1 EBUSY
swapoff() = 0
swapoff() = -1 EINVAL
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == present|exclusive*2
swapon() = 0
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == swapped@S1, swapped@S2
load(a, 2*PAGE) == 0x41*8192
