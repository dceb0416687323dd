# A shared memfd page that MADV_PAGEOUT reclaims goes to swap too, but shmem clears the process's
# PTE instead of leaving a swap entry there: pagemap reads 0, only smaps Swap shows the page (and
# VmSwap, which counts swap entries in page tables, stays 0). The next access reads it back.
# Source: kernel-spec.md §1.4 ("Swapped shmem/memfd pages") and §8 (PAGEOUT); mm/shmem.c shmem_writeout.
requires: root, swap
fd = memfd_create("pageout", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x5a)
# no pagemap before the pageout: the frame it frees may or may not come back at swap-in
smaps(s).Rss == 4 kB
madvise(s, PAGE, MADV_PAGEOUT) = 0
pagemap(s, 1) == none
smaps(s).Swap == 4 kB
smaps(s).Rss == 0 kB
status.VmSwap == 0 kB
load(s, PAGE) == 0x5a
pagemap(s, 1) == present|file|exclusive
smaps(s).Swap == 0 kB
