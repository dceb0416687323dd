# An empty range (start == end) walks nothing: CHECK_WPASYNC refuses no VMA, not even the one
# that holds start, WP_MATCHING protects nothing, and walk_end is start.
# Found by mmkit fuzz --seed 1011 --ops 300 (the model refused the VMA at start with EPERM).
# Source: fs/proc/task_mmu.c do_pagemap_scan (the walk loop runs while walk_start < end).
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a+2*PAGE, end=a+2*PAGE, vec_len=3, category_mask=PAGE_IS_GUARD, return_mask=PAGE_IS_WPALLOWED}) = 0 {walk_end=a+2*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC|PM_SCAN_WP_MATCHING, start=a, end=a}) = 0 {walk_end=a}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a, end=a+1}) = -1 EPERM {walk_end=a}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=3, return_mask=PAGE_IS_WRITTEN|PAGE_IS_PRESENT}) = 1 {walk_end=a+4*PAGE, vec=[{a, a+4*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
