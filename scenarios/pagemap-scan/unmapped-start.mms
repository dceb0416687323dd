# pagemap_ioctl.c unmapped_region_tests: a scan whose start lies in an unmapped gap before a
# mapping, and one across a gap between two mappings, succeed and report only the mapped pages;
# the gap breaks a region even when the categories match on both sides.
# Source: tools/testing/selftests/mm/pagemap_ioctl.c unmapped_region_tests; fs/proc/task_mmu.c walk_page_range.
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
r = mmap(NULL, 12*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+4*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
b = mmap(r+8*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
munmap(r, 4*PAGE) = 0
munmap(r+7*PAGE, PAGE) = 0
munmap(r+11*PAGE, PAGE) = 0
store(a, 3*PAGE, 0x11)
store(b, 3*PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {start=r, end=r+12*PAGE, vec_len=16, category_mask=PAGE_IS_PRESENT, return_mask=0x1ff}) = 2 {walk_end=r+12*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {b, b+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=r, end=a+2*PAGE, vec_len=16, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+2*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=r+PAGE, end=r+12*PAGE, vec_len=1, max_pages=4, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=r+8*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=r, end=r+4*PAGE, vec_len=16, return_mask=0x1ff}) = 0 {walk_end=r+4*PAGE, vec=[]}
