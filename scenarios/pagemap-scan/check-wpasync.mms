# kernel-spec §2.3: CHECK_WPASYNC refuses with EPERM at the first VMA without asynchronous write
# protection, after writing the regions found before it; WP_MATCHING silently skips such VMAs;
# a WP context without WP_ASYNC is not async. pagemap_ioctl.c "unmapped region" and
# userfaultfd tests.
# Source: fs/proc/task_mmu.c pagemap_scan_test_walk, do_pagemap_scan.
requires: uffd
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
store(a, 8*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a, end=a+4*PAGE, vec_len=8, return_mask=PAGE_IS_WPALLOWED}) = 1 {walk_end=a+4*PAGE, vec=[{a, a+4*PAGE, PAGE_IS_WPALLOWED}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a, end=a+8*PAGE, vec_len=8, return_mask=PAGE_IS_WPALLOWED}) = -1 EPERM
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a+4*PAGE, end=a+8*PAGE, vec_len=8}) = -1 EPERM
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+8*PAGE, vec=[{a, a+4*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, return_mask=PAGE_IS_WRITTEN|PAGE_IS_WPALLOWED}) = 2 {walk_end=a+8*PAGE, vec=[{a, a+4*PAGE, PAGE_IS_WPALLOWED}, {a+4*PAGE, a+8*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WPALLOWED, category_inverted=PAGE_IS_WPALLOWED, return_mask=PAGE_IS_WPALLOWED}) = 1 {walk_end=a+8*PAGE, vec=[{a+4*PAGE, a+8*PAGE, 0}]}
w = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(w, UFFDIO_API, {api=UFFD_API, features=0}) = 0
ioctl(w, UFFDIO_REGISTER, {range={start=a+4*PAGE, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a+4*PAGE, end=a+8*PAGE, vec_len=8}) = -1 EPERM
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a+4*PAGE, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+8*PAGE}
