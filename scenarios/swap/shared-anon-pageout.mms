# MAP_SHARED|MAP_ANONYMOUS memory is shmem: PAGEOUT clears the PTE and the page goes to swap
# through the file, not through a swap entry in the page table.
# Source: mm/shmem.c shmem_zero_setup, shmem_writeout; kernel-spec.md §8.
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x2a)
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == none*2
smaps(a).Swap == 8 kB
smaps(a).Rss == 0 kB
status.VmSwap == 0 kB
status.RssShmem == 0 kB
store(a+PAGE, 1, 0x2b)
load(a, PAGE+2) == 0x2a*4096 0x2b 0x2a
smaps(a).Swap == 0 kB
status.RssShmem == 8 kB
