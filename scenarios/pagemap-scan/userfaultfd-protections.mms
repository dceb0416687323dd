# pagemap_ioctl.c userfaultfd_tests: 16 PROT_NONE pages registered for WP_ASYNC, then 8
# two-page pieces given read-write, read-only and PROT_NONE in turn; protecting the whole range
# twice with WP_MATCHING leaves every page not written, however its VMA is protected.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c userfaultfd_tests; fs/proc/task_mmu.c pagemap_scan_test_walk.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=16*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
mprotect(a+2*PAGE, 2*PAGE, PROT_READ) = 0
mprotect(a+6*PAGE, 2*PAGE, PROT_READ|PROT_WRITE) = 0
mprotect(a+8*PAGE, 2*PAGE, PROT_READ) = 0
mprotect(a+12*PAGE, 2*PAGE, PROT_READ|PROT_WRITE) = 0
mprotect(a+14*PAGE, 2*PAGE, PROT_READ) = 0
vmas(a, 16*PAGE) == 8
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, return_mask=0x1ff}) = 1 {walk_end=a+16*PAGE, vec=[{a, a+16*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+16*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+16*PAGE}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+16*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+16*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+16*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, return_mask=0x1ff}) = 1 {walk_end=a+16*PAGE, vec=[{a, a+16*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}]}
store(a+PAGE, 1, 0x11)
store(a+13*PAGE, 1, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+16*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+16*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}, {a+13*PAGE, a+14*PAGE, PAGE_IS_WRITTEN}]}
