# pagemap_ioctl.c sanity_tests_sd, walk_end: start == end gives walk_end = start with or without
# a vector and with WP_MATCHING; a vector big enough walks to end; a vector of one stops where the
# second region would start; max_pages 1 and half the pages stop at exact page addresses.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests_sd; fs/proc/task_mmu.c do_pagemap_scan.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 100*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
v = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=100*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+100*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
store(a, 100*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a, vec=0, vec_len=0, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a, vec=v, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a, vec=v, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+100*PAGE, vec=v, vec_len=1000, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+100*PAGE, vec=[{a, a+100*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+100*PAGE, vec=v, vec_len=1, max_pages=1, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+PAGE, vec=[{a, a+PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+100*PAGE, vec=v, vec_len=1, max_pages=50, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+50*PAGE, vec=[{a, a+50*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+100*PAGE, vec=v, vec_len=1, max_pages=100, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+100*PAGE, vec=[{a, a+100*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+100*PAGE, vec=v, vec_len=1, max_pages=50, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+50*PAGE, vec=[{a, a+50*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+100*PAGE, vec=v, vec_len=1, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN|PAGE_IS_PRESENT}) = 1 {walk_end=a+100*PAGE, vec=[{a+50*PAGE, a+100*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+100*PAGE, vec=v, vec_len=1, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+50*PAGE, vec=[{a, a+50*PAGE, 0}]}
