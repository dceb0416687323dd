# pagemap_ioctl.c sanity_tests_sd, patterns with max_pages smaller than the matches: each scan
# with WP_MATCHING reports and clears exactly max_pages written pages (cutting a run), walk_end
# names the first page left, and resuming there collects the rest; "only get 2 written pages and
# clear them", repeated until nothing is left.
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
store(a, 5*PAGE, 0x11)
store(a+10*PAGE, 3*PAGE, 0x11)
store(a+63*PAGE, PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=16, max_pages=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+2*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=16, max_pages=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+4*PAGE, vec=[{a+2*PAGE, a+4*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=16, max_pages=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+11*PAGE, vec=[{a+4*PAGE, a+5*PAGE, PAGE_IS_WRITTEN}, {a+10*PAGE, a+11*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=16, max_pages=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+63*PAGE, vec=[{a+11*PAGE, a+13*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=16, max_pages=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+64*PAGE, vec=[{a+63*PAGE, a+64*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=16, max_pages=2, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+64*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+64*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+64*PAGE, vec=[]}
repeat 8 as i:
    store(a+8*i*PAGE, 4*PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=16, max_pages=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 3 {walk_end=a+18*PAGE, vec=[{a, a+4*PAGE, PAGE_IS_WRITTEN}, {a+8*PAGE, a+12*PAGE, PAGE_IS_WRITTEN}, {a+16*PAGE, a+18*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a+18*PAGE, end=a+64*PAGE, vec_len=16, max_pages=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 3 {walk_end=a+40*PAGE, vec=[{a+18*PAGE, a+20*PAGE, PAGE_IS_WRITTEN}, {a+24*PAGE, a+28*PAGE, PAGE_IS_WRITTEN}, {a+32*PAGE, a+36*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a+42*PAGE, end=a+64*PAGE, vec_len=16, max_pages=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 3 {walk_end=a+64*PAGE, vec=[{a+42*PAGE, a+44*PAGE, PAGE_IS_WRITTEN}, {a+48*PAGE, a+52*PAGE, PAGE_IS_WRITTEN}, {a+56*PAGE, a+60*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+64*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+64*PAGE, vec=[{a+40*PAGE, a+42*PAGE, PAGE_IS_WRITTEN}]}
