# pagemap_ioctl.c sanity_tests_sd, "with WP_MATCHING across split VMAs": one registration split
# into two VMAs (MADV_DONTFORK on the second half); a written run across the boundary is one
# region, WP_MATCHING clears both halves, and a vector of one stops at the first page the second
# region would need.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests_sd; fs/proc/task_mmu.c pagemap_scan_push_range.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 32*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=32*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+32*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
madvise(a+16*PAGE, 16*PAGE, MADV_DONTFORK) = 0
vmas(a, 32*PAGE) == 2
store(a+12*PAGE, 8*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+32*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+32*PAGE, vec=[{a+12*PAGE, a+20*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+32*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN|PAGE_IS_PRESENT|PAGE_IS_WPALLOWED}) = 1 {walk_end=a+32*PAGE, vec=[{a+12*PAGE, a+20*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+32*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+32*PAGE, vec=[{a+12*PAGE, a+20*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+32*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+32*PAGE, vec=[]}
store(a+15*PAGE, 1, 0x22)
store(a+16*PAGE, 1, 0x22)
store(a+31*PAGE, 1, 0x22)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+32*PAGE, vec_len=1, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+31*PAGE, vec=[{a+15*PAGE, a+17*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a+17*PAGE, end=a+32*PAGE, vec_len=1, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+32*PAGE, vec=[{a+31*PAGE, a+32*PAGE, PAGE_IS_WRITTEN}]}
