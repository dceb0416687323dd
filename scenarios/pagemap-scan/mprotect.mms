# pagemap_ioctl.c "mprotect tests": the protection of a VMA does not change its pages'
# categories: read-only and PROT_NONE pages stay PRESENT and WRITTEN, and regions merge across
# the split VMAs.
# Source: fs/proc/task_mmu.c pagemap_page_category (pte_present, pte_uffd_wp only).
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 6*PAGE, 0x11)
mprotect(a+2*PAGE, 2*PAGE, PROT_NONE) = 0
mprotect(a+4*PAGE, PAGE, PROT_READ) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+6*PAGE, vec_len=8, return_mask=0x1ff}) = 1 {walk_end=a+6*PAGE, vec=[{a, a+6*PAGE, PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
madvise(a+3*PAGE, PAGE, MADV_DONTNEED) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+6*PAGE, vec_len=8, return_mask=PAGE_IS_PRESENT}) = 3 {walk_end=a+6*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_PRESENT}, {a+3*PAGE, a+4*PAGE, 0}, {a+4*PAGE, a+6*PAGE, PAGE_IS_PRESENT}]}
mprotect(a, 6*PAGE, PROT_READ|PROT_WRITE) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+6*PAGE, vec_len=8, category_mask=PAGE_IS_PRESENT, return_mask=PAGE_IS_PRESENT}) = 2 {walk_end=a+6*PAGE, vec=[{a, a+3*PAGE, PAGE_IS_PRESENT}, {a+4*PAGE, a+6*PAGE, PAGE_IS_PRESENT}]}
