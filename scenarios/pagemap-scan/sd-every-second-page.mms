# pagemap_ioctl.c sanity_tests_sd, patterns: after protecting 1000 pages, writing every second
# page gives 500 one-page WRITTEN regions; a scan with WP_MATCHING reports and clears them, so the
# next finds none; the same again after an mprotect round trip of the second half (the VMAs
# merge back; the pages stay protected).
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests_sd; fs/proc/task_mmu.c pagemap_scan_output.
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
repeat 500 as i:
    store(a+2*i*PAGE, 1, 1)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 500
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 500
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0
mprotect(a+500*PAGE, 500*PAGE, PROT_READ) = 0
mprotect(a+500*PAGE, 500*PAGE, PROT_READ|PROT_WRITE) = 0
vmas(a, 1000*PAGE) == 1
repeat 500 as i:
    store(a+2*i*PAGE, 1, 2)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 500
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0
