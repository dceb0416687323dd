# pagemap_ioctl.c sanity_tests_sd, argument rules, on a 1000-page WP_ASYNC range: an empty range
# finds nothing, a NULL vector with a length is EINVAL, no vector or vec_len 0 is a scan without
# output, unknown flags are EINVAL, no category mask matches every page, no return mask merges
# everything into one region of categories 0, an unknown category is EINVAL with or without the
# WP flags, and all categories with both WP flags are accepted.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests_sd; fs/proc/task_mmu.c pagemap_scan_get_args.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 1000*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
v = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=1000*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+1000*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
store(a, 10*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=0, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=0, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+1000*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=0, vec_len=0, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+1000*PAGE}
ioctl(pm, PAGEMAP_SCAN, {flags=0xffffffffffffffff, start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC|0xf0, start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=1000, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+1000*PAGE, vec=[{a, a+10*PAGE, PAGE_IS_WRITTEN}, {a+10*PAGE, a+1000*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+1000*PAGE, vec=[{a, a+10*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=0x1000}) = -1 EINVAL {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=0x1000, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=0x1ff, category_anyof_mask=0x1ff, category_inverted=0x1ff, return_mask=0x1ff}) = 0 {walk_end=a+1000*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+1000*PAGE, vec=[{a, a+10*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+1000*PAGE, vec=[]}
