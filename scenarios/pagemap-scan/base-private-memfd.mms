# pagemap_ioctl.c base_tests, "File anonymous (private memfd)" variant (10 pages): after protecting the whole range no page is
# WRITTEN; writing every page gives one region of all of them; after re-protecting, writing all
# but the first and the last gives one region of n-2; WP_MATCHING|CHECK_WPASYNC reports and
# clears it, so a second scan finds nothing; one middle page, then two, give one region each.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c base_tests; fs/proc/task_mmu.c do_pagemap_scan.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
f = memfd_create("scan", 0)
ftruncate(f, 10*PAGE) = 0
a = mmap(NULL, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, f, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=10*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+10*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+10*PAGE, vec_len=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+10*PAGE, vec=[]}
store(a, 10*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+10*PAGE, vec_len=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+10*PAGE, vec=[{a, a+10*PAGE, PAGE_IS_WRITTEN}]}
store(a+PAGE, 8*PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+10*PAGE, vec_len=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+10*PAGE, vec=[{a+PAGE, a+9*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+10*PAGE, vec_len=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+10*PAGE, vec=[]}
store(a+5*PAGE, 1, 0x33)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+10*PAGE, vec_len=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+10*PAGE, vec=[{a+5*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}]}
store(a+4*PAGE, 2*PAGE, 0x44)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+10*PAGE, vec_len=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+10*PAGE, vec=[{a+4*PAGE, a+6*PAGE, PAGE_IS_WRITTEN}]}
load(a+4*PAGE, 2) == 0x44 0x44
load(a, 1) == 0x11
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+10*PAGE, vec_len=10, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+10*PAGE, vec=[]}
