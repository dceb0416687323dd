# pagemap_ioctl.c base_tests, "Large Page" variant (5120 pages): after protecting the whole range no page is
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
a = mmap(NULL, 5120*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=5120*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+5120*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+5120*PAGE, vec_len=5120, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
store(a, 5120*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+5120*PAGE, vec_len=5120, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
store(a+PAGE, 5118*PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+5120*PAGE, vec_len=5120, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+5120*PAGE, vec_len=5120, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
store(a+2560*PAGE, 1, 0x33)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+5120*PAGE, vec_len=5120, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
store(a+2559*PAGE, 2*PAGE, 0x44)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+5120*PAGE, vec_len=5120, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
load(a+2559*PAGE, 2) == 0x44 0x44
load(a, 1) == 0x11
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+5120*PAGE, vec_len=5120, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = -1 EINVAL {walk_end=0}
