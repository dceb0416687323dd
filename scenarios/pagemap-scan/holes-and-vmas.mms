# kernel-spec §2.3 and §2.5: addresses without a VMA produce nothing and break a region; regions
# merge across the boundary of two VMAs when their returned categories are equal;
# return_mask 0 collapses every contiguous match into one region. pagemap_ioctl.c "unmapped
# region" and "hpage unit" tests.
# Source: fs/proc/task_mmu.c pagemap_scan_push_range, walk_page_range.
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 8*PAGE, 0x11)
mprotect(a+2*PAGE, 2*PAGE, PROT_READ) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+8*PAGE, vec=[{a, a+8*PAGE, PAGE_IS_PRESENT}]}
munmap(a+5*PAGE, PAGE) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 2 {walk_end=a+8*PAGE, vec=[{a, a+5*PAGE, PAGE_IS_PRESENT}, {a+6*PAGE, a+8*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8}) = 2 {walk_end=a+8*PAGE, vec=[{a, a+5*PAGE, 0}, {a+6*PAGE, a+8*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=1}) = 1 {walk_end=a+6*PAGE, vec=[{a, a+5*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a+5*PAGE, end=a+6*PAGE, vec_len=1}) = 0 {walk_end=a+6*PAGE, vec=[]}
