# The tracker pattern across processes, as a checkpoint tool runs it: the tracked process arms
# asynchronous write protection on its range, and the tool re-arms and reads its written pages
# through /proc/PID/pagemap with WP_MATCHING; the process's writes are resolved by the kernel
# alone and show in the next scan. The tool's own address space takes no part.
# Source: fs/proc/task_mmu.c do_pagemap_scan on the mm bound by pagemap_open; kernel-spec §2.3,
# §2.5 (WP_MATCHING).
requires: uffd
requires: root
fork() => child
in child: u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
in child: ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
in child: a = mmap(0x200000000, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
in child: store(a, 4*PAGE, 0x11)
in child: ioctl(u, UFFDIO_REGISTER, {range={start=a, len=8*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
pm = open("/proc/" + pid(child) + "/pagemap", O_RDONLY, 0) = 3
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+8*PAGE, vec=[{a, a+8*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+8*PAGE, vec=[]}
in child: pagemap(a, 2) == present|uffd_wp|exclusive*2
pagemap(pm, a+4*PAGE, 1) == swapped|uffd_wp
in child: store(a+PAGE, 1, 0x22)
in child: store(a+6*PAGE, 1, 0x33)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, return_mask=PAGE_IS_WRITTEN|PAGE_IS_PRESENT|PAGE_IS_WPALLOWED}) = 6 {walk_end=a+8*PAGE, vec=[{a, a+PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+PAGE, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+2*PAGE, a+4*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+4*PAGE, a+6*PAGE, PAGE_IS_WPALLOWED}, {a+6*PAGE, a+7*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+7*PAGE, a+8*PAGE, PAGE_IS_WPALLOWED}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+8*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}, {a+6*PAGE, a+7*PAGE, PAGE_IS_WRITTEN}]}
in child: load(a+PAGE, 1) == 0x22
in child: pagemap(a+PAGE, 1) == present|uffd_wp|exclusive
# the tool has nothing mapped there: its own pagemap shows nothing
self = open("/proc/self/pagemap", O_RDONLY, 0) = 4
ioctl(self, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+8*PAGE, vec=[]}
