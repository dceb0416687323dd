# pagemap_ioctl.c test_simple: a loop of one write to a pseudo-random page and a scan with
# WP_MATCHING, whose result must be exactly that page (200 rounds over 64 pages; the page is
# (37*i + 11) mod 64, as the language has no random numbers).
# Source: tools/testing/selftests/mm/pagemap_ioctl.c test_simple; fs/proc/task_mmu.c do_pagemap_scan.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 64*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=64*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
repeat 200 as i:
    store(a+(37*i+11&63)*PAGE, 1, 0x5a)
    ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+64*PAGE, vec_len=64, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+64*PAGE, vec=[{a+(37*i+11&63)*PAGE, a+(37*i+11&63)*PAGE+PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+64*PAGE, vec_len=64, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+64*PAGE, vec=[]}
