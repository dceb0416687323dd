# pagemap_ioctl.c mprotect_tests: two tracked pages written give one region of two; after
# WP_MATCHING none is written; an mprotect round trip (read-only, then read-write) keeps them
# not written; after munmap and a new mapping at the same place, registered and protected again,
# writes under an mprotect round trip show both pages written again.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c mprotect_tests; mm/mprotect.c change_pte_range (uffd-wp kept).
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+2*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
store(a, 2*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec_len=4, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+2*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+2*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec_len=4, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+2*PAGE, vec=[]}
mprotect(a, 2*PAGE, PROT_READ) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec_len=4, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+2*PAGE, vec=[]}
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec_len=4, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+2*PAGE, vec=[]}
munmap(a, 2*PAGE) = 0
b = mmap(a, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=b, end=b+2*PAGE, vec_len=4, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EPERM {walk_end=a+2*PAGE}
ioctl(u, UFFDIO_REGISTER, {range={start=b, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=b, end=b+2*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
mprotect(b, 2*PAGE, PROT_READ) = 0
mprotect(b, 2*PAGE, PROT_READ|PROT_WRITE) = 0
store(b, 2*PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {start=b, end=b+2*PAGE, vec_len=4, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+2*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WRITTEN}]}
