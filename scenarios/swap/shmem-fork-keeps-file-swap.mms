# fork does not touch a shmem page out in swap: a shared VMA's page tables are not copied, and the
# swap entry lives in the file, not in a PTE. Both processes count it in smaps Swap (the file's
# swapped pages in the VMA's range), and the child's read brings it back for both (its
# fault-around maps the other page, still cached, in the child too).
# Source: mm/memory.c vma_needs_copy; fs/proc/task_mmu.c smap_gather_stats (shmem_swap_usage).
requires: root, swap
fd = memfd_create("fork", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x19)
madvise(s, PAGE, MADV_PAGEOUT) = 0
fork() => child
smaps(s).Swap == 4 kB
in child: smaps(s).Swap == 4 kB
in child: smaps(s).SwapPss == 0 kB
in child: pagemap(s, 2) == none*2
in child: load(s, 1) == 0x19
in child: pagemap(s, 2) == present|file|exclusive@P1, present|file@P2
smaps(s).Swap == 0 kB
pagemap(s, 2) == none, present|file@P2
load(s, PAGE) == 0x19
pagemap(s, 1) == present|file
exit(child)
