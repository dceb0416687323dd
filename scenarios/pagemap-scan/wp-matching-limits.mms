# kernel-spec §2.5: WP_MATCHING protects only what was reported: with max_pages or a full
# vector the pages after walk_end stay WRITTEN for the next scan, which resumes at walk_end.
# pagemap_ioctl.c walk_end and userfaultfd tests.
# Source: fs/proc/task_mmu.c pagemap_scan_pmd_entry, pagemap_scan_output.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=8*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+8*PAGE}) = 0
store(a, 3*PAGE, 0x11)
store(a+5*PAGE, 1, 0x22)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+8*PAGE, vec_len=8, max_pages=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+2*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a+2*PAGE, end=a+8*PAGE, vec_len=1, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+5*PAGE, vec=[{a+2*PAGE, a+3*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+8*PAGE, vec=[{a+5*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}]}
