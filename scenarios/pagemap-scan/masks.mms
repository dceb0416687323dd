# kernel-spec §2.5: category_inverted flips categories before both masks are applied,
# category_anyof_mask needs one of its categories, return_mask decides what a region reports
# (not inverted), and equal reported categories merge into one region. pagemap_ioctl.c
# "sanity tests" of the masks.
# Source: fs/proc/task_mmu.c pagemap_scan_is_interesting_page, pagemap_scan_output.
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a+PAGE, PAGE, 0x11)
store(a+5*PAGE, 2*PAGE, 0x22)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_inverted=PAGE_IS_PRESENT, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 3 {walk_end=a+8*PAGE, vec=[{a, a+PAGE, 0}, {a+2*PAGE, a+5*PAGE, 0}, {a+7*PAGE, a+8*PAGE, 0}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_anyof_mask=PAGE_IS_PRESENT|PAGE_IS_SWAPPED, return_mask=PAGE_IS_PRESENT}) = 2 {walk_end=a+8*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_PRESENT}, {a+5*PAGE, a+7*PAGE, PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_anyof_mask=PAGE_IS_SWAPPED, return_mask=0x1ff}) = 0 {walk_end=a+8*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, category_inverted=PAGE_IS_WRITTEN}) = 0 {walk_end=a+8*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+8*PAGE, vec=[{a, a+8*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN|PAGE_IS_PRESENT, category_anyof_mask=PAGE_IS_FILE}) = 0 {walk_end=a+8*PAGE, vec=[]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_inverted=PAGE_IS_FILE, category_mask=PAGE_IS_FILE|PAGE_IS_PRESENT, return_mask=PAGE_IS_FILE}) = 2 {walk_end=a+8*PAGE, vec=[{a+PAGE, a+2*PAGE, 0}, {a+5*PAGE, a+7*PAGE, 0}]}
