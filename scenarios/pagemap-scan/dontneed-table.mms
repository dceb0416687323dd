# kernel-spec §2.4 "PTE-table existence": MADV_DONTNEED of a single page keeps the PTE table (the
# rest of the block stays WRITTEN); one over the whole 2 MiB block frees the emptied table
# (PT_RECLAIM), and the block reads as untouched again.
# Source: mm/madvise.c, mm/pt_reclaim.c; fs/proc/task_mmu.c pagemap_scan_pte_hole.
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(0x40000000, 2*HPAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
store(a, 1, 0x11)
madvise(a, PAGE, MADV_DONTNEED) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+2*HPAGE, vec=[{a, a+HPAGE, PAGE_IS_WRITTEN}, {a+HPAGE, a+2*HPAGE, 0}]}
madvise(a, HPAGE, MADV_DONTNEED) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+2*HPAGE, vec=[{a, a+2*HPAGE, 0}]}
