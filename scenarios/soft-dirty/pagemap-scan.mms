# PAGEMAP_SCAN's PAGE_IS_SOFT_DIRTY is the same rule as pagemap's bit 55: the PTE's bit, a swap
# entry's bit, or the VMA's VM_SOFTDIRTY (for pages with and without a PTE). After clear_refs 4
# exactly the pages written since are reported.
# Source: fs/proc/task_mmu.c pagemap_page_category, pagemap_scan_pte_hole; kernel-spec.md §2.4.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_SOFT_DIRTY, return_mask=PAGE_IS_SOFT_DIRTY}) = 1 {walk_end=a+8*PAGE, vec=[{a, a+8*PAGE, PAGE_IS_SOFT_DIRTY}]}
store(a, 8*PAGE, 0x11)
write(cr, "4", 1) = 1
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_SOFT_DIRTY, return_mask=PAGE_IS_SOFT_DIRTY}) = 0 {walk_end=a+8*PAGE, vec=[]}
store(a+PAGE, 1, 1)
store(a+5*PAGE, 2*PAGE, 2)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_SOFT_DIRTY, return_mask=PAGE_IS_SOFT_DIRTY|PAGE_IS_PRESENT}) = 2 {walk_end=a+8*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_PRESENT|PAGE_IS_SOFT_DIRTY}, {a+5*PAGE, a+7*PAGE, PAGE_IS_PRESENT|PAGE_IS_SOFT_DIRTY}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_inverted=PAGE_IS_SOFT_DIRTY, category_mask=PAGE_IS_SOFT_DIRTY, return_mask=PAGE_IS_SOFT_DIRTY}) = 3 {walk_end=a+8*PAGE, vec=[{a, a+PAGE, 0}, {a+2*PAGE, a+5*PAGE, 0}, {a+7*PAGE, a+8*PAGE, 0}]}
