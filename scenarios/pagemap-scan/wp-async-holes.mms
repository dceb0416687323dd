# kernel-spec §2.4 and §2.5: in a uffd-wp registered VMA a block without a PTE table counts as
# WRITTEN; WP_MATCHING protects it by installing uffd-wp markers (uffd_wp_range allocates the
# table), so afterwards the block is SWAPPED and not WRITTEN; a first write makes that one page
# WRITTEN again.
# Source: fs/proc/task_mmu.c pagemap_scan_pte_hole, uffd_wp_range.
requires: uffd
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
a = mmap(0x40000000, 2*HPAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, return_mask=0x1ff}) = 1 {walk_end=a+2*HPAGE, vec=[{a, a+2*HPAGE, 0}]}
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*HPAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, return_mask=0x1ff}) = 1 {walk_end=a+2*HPAGE, vec=[{a, a+2*HPAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+HPAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+HPAGE, vec=[{a, a+HPAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=a+2*HPAGE, vec=[{a, a+HPAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}, {a+HPAGE, a+2*HPAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN}]}
store(a+PAGE, 1, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*HPAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+2*HPAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}, {a+HPAGE, a+2*HPAGE, PAGE_IS_WRITTEN}]}
