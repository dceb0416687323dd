# do_pagemap_scan copies regions out through a bounce buffer of 512 (vec_buf): a walk stops when it
# is full, the buffer is copied to the vector, and the next walk goes on from walk_end. So walk_end
# stays where the last full buffer stopped a walk, even when a later walk reaches end; a vector
# that faults ends the scan at that point with EFAULT (the regions before it are written); and a
# scan that finds nothing copies nothing, so an unwritable vector is no error then.
# Source: fs/proc/task_mmu.c pagemap_scan_push_range, pagemap_scan_flush_buffer, do_pagemap_scan.
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 1100*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
repeat 550 as i:
    store(a+2*i*PAGE, 1, 1)
v = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
# 550 regions: the first walk stops at the 513th (page 1024), the second reaches the end
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1100*PAGE, vec=v, vec_len=600, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 550 {walk_end=a+1024*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1100*PAGE, vec=v, vec_len=512, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 512 {walk_end=a+1024*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1024*PAGE, vec=v, vec_len=600, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 512 {walk_end=a+1024*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a+2*PAGE, end=a+1100*PAGE, vec=v, vec_len=600, max_pages=520, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 520 {walk_end=a+1042*PAGE}
# nothing found: nothing is copied, whatever the vector
ioctl(pm, PAGEMAP_SCAN, {start=a+PAGE, end=a+2*PAGE, vec=0x10000, vec_len=1, category_mask=PAGE_IS_PRESENT}) = 0 {walk_end=a+2*PAGE}
r = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(pm, PAGEMAP_SCAN, {start=a+PAGE, end=a+2*PAGE, vec=r, vec_len=1, category_mask=PAGE_IS_PRESENT}) = 0 {walk_end=a+2*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec=r, vec_len=1, category_mask=PAGE_IS_PRESENT}) = -1 EFAULT {walk_end=a+2*PAGE}
# a vector of 600 whose fourth page is read-only: the first 512 regions are copied, the second
# buffer's copy faults and ends the scan where the second walk stopped
mprotect(v+3*PAGE, 5*PAGE, PROT_READ) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1100*PAGE, vec=v, vec_len=600, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = -1 EFAULT {walk_end=a+1024*PAGE}
