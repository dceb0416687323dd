# smaps Swap of a memfd's pages out in swap, by mapping: a shared or read-only VMA counts every
# swapped page of the file in its range; a private writable VMA counts them only under its empty
# PTEs, so a page it has its own copy of does not count the file's slot, and its own swap entries
# count as anonymous ones. SwapPss counts swap entries only, never the file's slots.
# Source: fs/proc/task_mmu.c smap_gather_stats (shmem_swap_usage for VM_SHARED or !VM_WRITE,
# else smaps_pte_hole per hole), smaps_pte_entry.
requires: root, swap
fd = memfd_create("smaps", 0)
ftruncate(fd, 3*PAGE) = 0
s = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 3*PAGE, 0x24)
w = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(w, 1, 0x25)
store(w+PAGE, 1, 0x26)
r = mmap(NULL, 3*PAGE, PROT_READ, MAP_PRIVATE, fd, 0)
madvise(s, 3*PAGE, MADV_PAGEOUT) = 0
madvise(w+PAGE, PAGE, MADV_PAGEOUT) = 0
pagemap(w, 3) == present|exclusive, swapped@S1, none
smaps(s).Swap == 12 kB
smaps(r).Swap == 12 kB
smaps(w).Swap == 8 kB
smaps(s).SwapPss == 0 kB
smaps(w).SwapPss == 4 kB
load(r+2*PAGE, 1) == 0x24
smaps(s).Swap == 8 kB
smaps(w).Swap == 4 kB
load(w, 2) == 0x25 0x24
