# A private mapping of a memfd: a page it wrote is an anonymous COW copy and swaps as anonymous
# memory (a swap entry in the PTE, VmSwap, the exclusive bit kept); a page it only read is the
# file's page-cache page and swaps the shmem way (the PTE is cleared); the read's fault-around
# mapped the third page too, so it goes the same way. smaps of the private writable VMA counts
# both kinds: the PTE's swap entry, and the file's slots under its empty PTEs.
# Source: mm/vmscan.c shrink_folio_list; fs/proc/task_mmu.c smap_gather_stats (smaps_shmem_walk_ops).
requires: root, swap
fd = memfd_create("private", 0)
ftruncate(fd, 3*PAGE) = 0
s = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 3*PAGE, 0x44)
madvise(s, 3*PAGE, MADV_DONTNEED) = 0
p = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p, 1, 0x45)
load(p+PAGE, 1) == 0x44
madvise(p, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(p, 3) == swapped@S1, none*2
status.VmSwap == 4 kB
smaps(p).Swap == 12 kB
smaps(s).Swap == 8 kB
load(p, 2) == 0x45 0x44
pagemap(p, 1) == present|exclusive
load(p+PAGE, 1) == 0x44
smaps(p).Swap == 4 kB
load(s, 1) == 0x44
