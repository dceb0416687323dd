# kernel-spec §2.6 with its swapped page: 16 anonymous pages, p0 p1 p4 p5 written, p2 read, p6
# written and sent to swap by MADV_PAGEOUT, p8 a guard marker: the swapped page is
# SWAPPED|WRITTEN, not PRESENT; a fault brings it back PRESENT.
# Source: fs/proc/task_mmu.c pagemap_page_category (is_swap_pte); mm/madvise.c madvise_pageout.
requires: swap
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
load(a+2*PAGE, 1) == 0
store(a+4*PAGE, 3*PAGE, 0x22)
madvise(a+6*PAGE, PAGE, MADV_PAGEOUT) = 0
madvise(a+8*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
pagemap(a+6*PAGE, 1) == swapped@S1
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, return_mask=0x1ff}) = 7 {walk_end=a+16*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+3*PAGE, a+4*PAGE, PAGE_IS_WRITTEN}, {a+4*PAGE, a+6*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+6*PAGE, a+7*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED}, {a+7*PAGE, a+8*PAGE, PAGE_IS_WRITTEN}, {a+8*PAGE, a+9*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED|PAGE_IS_GUARD}, {a+9*PAGE, a+16*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, category_mask=PAGE_IS_SWAPPED, return_mask=0x1ff}) = 2 {walk_end=a+16*PAGE, vec=[{a+6*PAGE, a+7*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED}, {a+8*PAGE, a+9*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED|PAGE_IS_GUARD}]}
load(a+6*PAGE, 1) == 0x22
ioctl(pm, PAGEMAP_SCAN, {start=a+6*PAGE, end=a+7*PAGE, vec_len=16, return_mask=0x1ff}) = 1 {walk_end=a+7*PAGE, vec=[{a+6*PAGE, a+7*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
