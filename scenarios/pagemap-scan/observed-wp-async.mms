# kernel-spec §2.6, the WP_ASYNC VMA: after WP_MATCHING without a vector present pages are
# PRESENT|WPALLOWED (0x9) and none pages uffd-wp markers, SWAPPED|WPALLOWED (0x11); writing p0
# and p3 and reading p5 gives WRITTEN regions [0-1] and [3-4]; p5 is PRESENT|WPALLOWED (a
# fresh page, no zero page here, still protected).
# Source: fs/proc/task_mmu.c make_uffd_wp_pte, pagemap_page_category; mm/memory.c do_anonymous_page.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=16*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+16*PAGE}) = 0 {walk_end=a+16*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, return_mask=0x1ff}) = 2 {walk_end=a+16*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+2*PAGE, a+16*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}]}
store(a, 1, 0x22)
store(a+3*PAGE, 1, 0x33)
load(a+5*PAGE, 1) == 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+16*PAGE, vec=[{a, a+PAGE, PAGE_IS_WRITTEN}, {a+3*PAGE, a+4*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=16, return_mask=0x1ff}) = 7 {walk_end=a+16*PAGE, vec=[{a, a+PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+PAGE, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+2*PAGE, a+3*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}, {a+3*PAGE, a+4*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+4*PAGE, a+5*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}, {a+5*PAGE, a+6*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+6*PAGE, a+16*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}]}
