# kernel-spec §2.5: max_pages counts the pages put into regions; a run that would pass it is cut
# and walk_end is the first page that did not fit; reaching it exactly stops only at the next
# matching page, so walk_end is end when nothing else matches. pagemap_ioctl.c walk_end tests.
# Source: fs/proc/task_mmu.c pagemap_scan_output, do_pagemap_scan.
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
store(a+4*PAGE, 2*PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, max_pages=2, category_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+4*PAGE, vec=[{a, a+2*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, max_pages=4, category_mask=PAGE_IS_PRESENT}) = 2 {walk_end=a+8*PAGE, vec=[{a, a+2*PAGE, 0}, {a+4*PAGE, a+6*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, max_pages=3, category_mask=PAGE_IS_PRESENT}) = 2 {walk_end=a+5*PAGE, vec=[{a, a+2*PAGE, 0}, {a+4*PAGE, a+5*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, max_pages=1}) = 1 {walk_end=a+PAGE, vec=[{a, a+PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a+PAGE, end=a+8*PAGE, vec_len=8, max_pages=1, category_mask=PAGE_IS_PRESENT, category_inverted=PAGE_IS_PRESENT}) = 1 {walk_end=a+3*PAGE, vec=[{a+2*PAGE, a+3*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, max_pages=1, flags=0}) = 0 {walk_end=a+8*PAGE}
