# swapoff brings every page out in the area back before the area goes: an anonymous page into
# its PTE (present, old, read-only in a private mapping, exclusive as the swap entry said, so that
# a write then reuses the very frame), a shmem page into its file's page cache only (nothing maps
# it: pagemap stays none, mincore and smaps see it back).
# Source: mm/swapfile.c swapoff, try_to_unuse, unuse_pte; mm/shmem.c shmem_unuse.
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
fd = memfd_create("off", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x22)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
madvise(s, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == swapped@S1, swapped@S2
smaps(s).Swap == 4 kB
swapoff() = 0
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
smaps(a).Referenced == 0 kB
status.VmSwap == 0 kB
pagemap(s, 1) == none
mincore(s, PAGE) == 1
smaps(s).Swap == 0 kB
store(a, 1, 0x12)
pagemap(a, 1) == present|exclusive@P1
load(a, 2*PAGE) == 0x12 0x11*8191
load(s, PAGE) == 0x22
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
swapoff() = -1 EINVAL
