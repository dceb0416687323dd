# kernel-spec §2.6 without the swapped page: an anonymous VMA of 16 pages, p0 p1 p4 p5 written,
# p2 read (no zero page here: a fresh zeroed page), p8 a guard marker. Every page of the touched
# PTE table is WRITTEN, present ones PRESENT, the guard SWAPPED|WRITTEN|GUARD; max_pages cuts the
# first PRESENT run and walk_end names the first page that did not fit.
# Source: fs/proc/task_mmu.c pagemap_scan_output, pagemap_page_category; pagemap_ioctl.c base tests.
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
load(a+2*PAGE, 1) == 0
store(a+4*PAGE, 2*PAGE, 0x22)
madvise(a+8*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, return_mask=0x1ff}) = 6 {walk_end=a+16*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+3*PAGE, a+4*PAGE, PAGE_IS_WRITTEN}, {a+4*PAGE, a+6*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+6*PAGE, a+8*PAGE, PAGE_IS_WRITTEN}, {a+8*PAGE, a+9*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED|PAGE_IS_GUARD}, {a+9*PAGE, a+16*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 2 {walk_end=a+16*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_PRESENT}, {a+4*PAGE, a+6*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, max_pages=2, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+2*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, max_pages=3, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+4*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=1, return_mask=PAGE_IS_WRITTEN|PAGE_IS_GUARD}) = 1 {walk_end=a+8*PAGE, vec=[{a, a+8*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=4, category_anyof_mask=PAGE_IS_GUARD|PAGE_IS_SWAPPED, return_mask=0x1ff}) = 1 {vec=[{a+8*PAGE, a+9*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED|PAGE_IS_GUARD}]}
