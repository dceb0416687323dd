# pagemap_ioctl.c sanity_tests_sd, walk_end over a sparse pattern (every fourth page written):
# a vector of one ends the walk at the second written page, max_pages 1 ends it there as well,
# max_pages 3 at the fourth, and a vector of two with max_pages 5 at the third.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests_sd; fs/proc/task_mmu.c pagemap_scan_output.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 40*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=40*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+40*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
repeat 10 as i:
    store(a+4*i*PAGE+PAGE, 1, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+40*PAGE, vec_len=1, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+5*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+40*PAGE, vec_len=16, max_pages=1, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+5*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+40*PAGE, vec_len=16, max_pages=3, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 3 {walk_end=a+13*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}, {a+5*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}, {a+9*PAGE, a+10*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+40*PAGE, vec_len=2, max_pages=5, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+9*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}, {a+5*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+40*PAGE, vec_len=16, max_pages=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 10 {walk_end=a+40*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}, {a+5*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}, {a+9*PAGE, a+10*PAGE, PAGE_IS_WRITTEN}, {a+13*PAGE, a+14*PAGE, PAGE_IS_WRITTEN}, {a+17*PAGE, a+18*PAGE, PAGE_IS_WRITTEN}, {a+21*PAGE, a+22*PAGE, PAGE_IS_WRITTEN}, {a+25*PAGE, a+26*PAGE, PAGE_IS_WRITTEN}, {a+29*PAGE, a+30*PAGE, PAGE_IS_WRITTEN}, {a+33*PAGE, a+34*PAGE, PAGE_IS_WRITTEN}, {a+37*PAGE, a+38*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a+2*PAGE, end=a+40*PAGE, vec_len=16, max_pages=9, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 9 {walk_end=a+40*PAGE, vec=[{a+5*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}, {a+9*PAGE, a+10*PAGE, PAGE_IS_WRITTEN}, {a+13*PAGE, a+14*PAGE, PAGE_IS_WRITTEN}, {a+17*PAGE, a+18*PAGE, PAGE_IS_WRITTEN}, {a+21*PAGE, a+22*PAGE, PAGE_IS_WRITTEN}, {a+25*PAGE, a+26*PAGE, PAGE_IS_WRITTEN}, {a+29*PAGE, a+30*PAGE, PAGE_IS_WRITTEN}, {a+33*PAGE, a+34*PAGE, PAGE_IS_WRITTEN}, {a+37*PAGE, a+38*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+40*PAGE, vec_len=16, max_pages=3, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 3 {walk_end=a+13*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}, {a+5*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}, {a+9*PAGE, a+10*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+40*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 7 {walk_end=a+40*PAGE, vec=[{a+13*PAGE, a+14*PAGE, PAGE_IS_WRITTEN}, {a+17*PAGE, a+18*PAGE, PAGE_IS_WRITTEN}, {a+21*PAGE, a+22*PAGE, PAGE_IS_WRITTEN}, {a+25*PAGE, a+26*PAGE, PAGE_IS_WRITTEN}, {a+29*PAGE, a+30*PAGE, PAGE_IS_WRITTEN}, {a+33*PAGE, a+34*PAGE, PAGE_IS_WRITTEN}, {a+37*PAGE, a+38*PAGE, PAGE_IS_WRITTEN}]}
