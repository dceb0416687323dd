# pagemap_ioctl.c sanity_tests_sd, "Smaller vec" and "repeated pattern in parts": a vector of two
# regions over a pattern of many; each scan with WP_MATCHING clears only what it reported and
# walk_end is where the third region would have started, so scans resumed at walk_end collect
# the pattern piece by piece.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests_sd; fs/proc/task_mmu.c pagemap_scan_output.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 64*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=64*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
repeat 10 as i:
    store(a+6*i*PAGE, 2*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+12*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WRITTEN}, {a+6*PAGE, a+8*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a+12*PAGE, end=a+64*PAGE, vec_len=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+24*PAGE, vec=[{a+12*PAGE, a+14*PAGE, PAGE_IS_WRITTEN}, {a+18*PAGE, a+20*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a+24*PAGE, end=a+64*PAGE, vec_len=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+36*PAGE, vec=[{a+24*PAGE, a+26*PAGE, PAGE_IS_WRITTEN}, {a+30*PAGE, a+32*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+64*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 4 {walk_end=a+64*PAGE, vec=[{a+36*PAGE, a+38*PAGE, PAGE_IS_WRITTEN}, {a+42*PAGE, a+44*PAGE, PAGE_IS_WRITTEN}, {a+48*PAGE, a+50*PAGE, PAGE_IS_WRITTEN}, {a+54*PAGE, a+56*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a+36*PAGE, end=a+64*PAGE, vec_len=1, max_pages=3, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+42*PAGE, vec=[{a+36*PAGE, a+38*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a+36*PAGE, end=a+64*PAGE, vec_len=1, max_pages=3, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+48*PAGE, vec=[{a+42*PAGE, a+44*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+64*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+64*PAGE, vec=[{a+48*PAGE, a+50*PAGE, PAGE_IS_WRITTEN}, {a+54*PAGE, a+56*PAGE, PAGE_IS_WRITTEN}]}
