# kernel-spec §2.4 "PTE-table existence": a none PTE inside an existing PTE table is WRITTEN even
# outside userfaultfd, a block without a table is not; DONTNEED of one page keeps the table, and
# munmap of the whole block frees it.
# Source: fs/proc/task_mmu.c pagemap_scan_pte_hole, pagemap_page_category.
pm = open("/proc/self/pagemap", O_RDONLY, 0)
# a 2 MiB-aligned range, so each block has its own PTE table
a = mmap(0x40000000, 2*HPAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, return_mask=0x1ff}) = 1 {walk_end=a+2*HPAGE, vec=[{a, a+2*HPAGE, 0}]}
store(a+PAGE, 1, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+2*HPAGE, vec=[{a, a+HPAGE, PAGE_IS_WRITTEN}, {a+HPAGE, a+2*HPAGE, 0}]}
madvise(a+PAGE, PAGE, MADV_DONTNEED) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+2*HPAGE, vec=[{a, a+HPAGE, PAGE_IS_WRITTEN}]}
munmap(a, HPAGE) = 0
mmap(a, HPAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+2*HPAGE}
