# SWAPPED with real swap in a WP_ASYNC range: a protected page sent to swap keeps the swap
# entry's uffd-wp bit (SWAPPED|WPALLOWED, not WRITTEN); a written one swapped out is
# SWAPPED|WRITTEN; WP_MATCHING sets the bit on the swap entry; swapping in keeps the protection,
# and the next write is WRITTEN again.
# Source: fs/proc/task_mmu.c pagemap_page_category, make_uffd_wp_pte (pte_swp_mkuffd_wp); mm/memory.c do_swap_page.
requires: swap
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 8*PAGE, 0x11)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=8*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+8*PAGE}) = 0
store(a+2*PAGE, 2*PAGE, 0x22)
madvise(a, 4*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 4) == swapped|uffd_wp@S1, swapped|uffd_wp@S2, swapped@S3, swapped@S4
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=16, return_mask=0x1ff}) = 3 {walk_end=a+8*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}, {a+2*PAGE, a+4*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_SWAPPED}, {a+4*PAGE, a+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+8*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN|PAGE_IS_SWAPPED}) = 1 {walk_end=a+8*PAGE, vec=[{a+2*PAGE, a+4*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=16, return_mask=0x1ff}) = 2 {walk_end=a+8*PAGE, vec=[{a, a+4*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}, {a+4*PAGE, a+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}]}
pagemap(a, 4) == swapped|uffd_wp@S1, swapped|uffd_wp@S2, swapped|uffd_wp@S3, swapped|uffd_wp@S4
load(a+3*PAGE, 1) == 0x22
load(a, 1) == 0x11
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=16, return_mask=0x1ff}) = 3 {walk_end=a+8*PAGE, vec=[{a, a+PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+PAGE, a+3*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}, {a+3*PAGE, a+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}]}
store(a+3*PAGE, 1, 0x33)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=0x1ff}) = 1 {walk_end=a+8*PAGE, vec=[{a+3*PAGE, a+4*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
