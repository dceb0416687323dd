# pagemap_ioctl.c sanity_tests (no userfaultfd), on 1000 pages of which the first 500 are
# written: "get all pages with required mask", present with anyof, the inverted ("excluded")
# mask, "don't get sd pages" and "don't get present pages" (nothing when inverted and required
# at once); SOFT_DIRTY never shows here (a kernel without soft-dirty).
# Source: tools/testing/selftests/mm/pagemap_ioctl.c sanity_tests; fs/proc/task_mmu.c pagemap_scan_is_interesting_page.
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 1000*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 500*PAGE, 0x11)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+1000*PAGE, vec=[{a, a+500*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_anyof_mask=PAGE_IS_SOFT_DIRTY|PAGE_IS_PRESENT, return_mask=PAGE_IS_SOFT_DIRTY|PAGE_IS_PRESENT}) = 1 {walk_end=a+1000*PAGE, vec=[{a, a+500*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_mask=PAGE_IS_PRESENT, category_inverted=PAGE_IS_SOFT_DIRTY, return_mask=PAGE_IS_SOFT_DIRTY|PAGE_IS_PRESENT}) = 1 {walk_end=a+1000*PAGE, vec=[{a, a+500*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_mask=PAGE_IS_SOFT_DIRTY, return_mask=PAGE_IS_SOFT_DIRTY}) = 0 {walk_end=a+1000*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_mask=PAGE_IS_PRESENT, category_inverted=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+1000*PAGE, vec=[{a+500*PAGE, a+1000*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN|PAGE_IS_PRESENT, category_inverted=PAGE_IS_PRESENT, return_mask=0x1ff}) = 1 {walk_end=a+1000*PAGE, vec=[{a+500*PAGE, a+1000*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_anyof_mask=PAGE_IS_SWAPPED|PAGE_IS_FILE, return_mask=0x1ff}) = 0 {walk_end=a+1000*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_anyof_mask=PAGE_IS_SWAPPED|PAGE_IS_FILE, category_inverted=PAGE_IS_FILE, return_mask=0x1ff}) = 2 {walk_end=a+1000*PAGE, vec=[{a, a+500*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+500*PAGE, a+1000*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+1000*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, category_anyof_mask=PAGE_IS_PRESENT|PAGE_IS_SWAPPED, return_mask=PAGE_IS_PRESENT}) = 1 {walk_end=a+1000*PAGE, vec=[{a, a+500*PAGE, PAGE_IS_PRESENT}]}
