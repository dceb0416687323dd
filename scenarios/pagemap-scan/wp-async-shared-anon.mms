# WP_ASYNC tracking on shared anonymous memory (shmem: markers always, pages FILE), the
# pagemap_ioctl.c base tests' shmem variant, with the tracker loop: arm, write, collect and
# re-arm, write again.
# Source: fs/proc/task_mmu.c do_pagemap_scan, make_uffd_wp_pte.
requires: uffd
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
s = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=s, len=8*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=s, end=s+8*PAGE}) = 0 {walk_end=s+8*PAGE}
store(s+2*PAGE, 2*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=s, end=s+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN|PAGE_IS_FILE}) = 1 {walk_end=s+8*PAGE, vec=[{s+2*PAGE, s+4*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE}]}
store(s+3*PAGE, 1, 0x22)
store(s+7*PAGE, 1, 0x33)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=s, end=s+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=s+8*PAGE, vec=[{s+3*PAGE, s+4*PAGE, PAGE_IS_WRITTEN}, {s+7*PAGE, s+8*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=s, end=s+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=s+8*PAGE, vec=[]}
