# pagemap_ioctl.c "unmapped region" tests and kernel-spec §2.3: a range without any VMA finds
# nothing and walk_end is its end; CHECK_WPASYNC and WP_MATCHING have no VMA to refuse or skip;
# a scan reaching the task size is fine, one past it EFAULT.
# Source: fs/proc/task_mmu.c do_pagemap_scan, pagemap_scan_pte_hole (no VMA: nothing).
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a, 4*PAGE) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=8, return_mask=0x1ff}) = 0 {walk_end=a+4*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a, end=a+4*PAGE, vec_len=8}) = 0 {walk_end=a+4*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+4*PAGE}) = 0 {walk_end=a+4*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=0x7ffffff00000, end=0x7ffffffff000, vec_len=8, category_mask=PAGE_IS_SWAPPED}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=0x7ffffff00000, end=0x7ffffffff001, vec_len=8}) = -1 EFAULT
