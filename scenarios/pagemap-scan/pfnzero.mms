# kernel-spec §2.4 and §2.6: a read fault in anonymous memory maps the shared zero page, which
# PAGEMAP_SCAN reports as PRESENT|PFNZERO (WRITTEN too, its PTE having no uffd-wp bit), never
# FILE; in a WP_ASYNC range protected by WP_MATCHING a read maps it with uffd-wp kept, so it is
# PRESENT|PFNZERO|WPALLOWED and not WRITTEN, and a write then replaces it by a page of its own.
# This machine's kernel forbids the zero page (requires: zero-page): the model follows
# fs/proc/task_mmu.c pagemap_page_category (is_zero_pfn) and the §2.6 observation.
requires: zero-page
requires: uffd
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(a, 1) == 0
store(a+PAGE, 1, 1)
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec_len=4, return_mask=0x1ff}) = 2 {walk_end=a+2*PAGE, vec=[{a, a+PAGE, PAGE_IS_PFNZERO|PAGE_IS_PRESENT|PAGE_IS_WRITTEN}, {a+PAGE, a+2*PAGE, PAGE_IS_PRESENT|PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=4, category_mask=PAGE_IS_PFNZERO, return_mask=PAGE_IS_PFNZERO|PAGE_IS_FILE}) = 1 {walk_end=a+4*PAGE, vec=[{a, a+PAGE, PAGE_IS_PFNZERO}]}
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
b = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=b, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=b, end=b+4*PAGE, category_mask=PAGE_IS_WRITTEN}) = 0
load(b+2*PAGE, 1) == 0
ioctl(pm, PAGEMAP_SCAN, {start=b+2*PAGE, end=b+3*PAGE, vec_len=1, return_mask=0x1ff}) = 1 {walk_end=b+3*PAGE, vec=[{b+2*PAGE, b+3*PAGE, PAGE_IS_PFNZERO|PAGE_IS_PRESENT|PAGE_IS_WPALLOWED}]}
store(b+2*PAGE, 1, 7)
ioctl(pm, PAGEMAP_SCAN, {start=b+2*PAGE, end=b+3*PAGE, vec_len=1, return_mask=0x1ff}) = 1 {walk_end=b+3*PAGE, vec=[{b+2*PAGE, b+3*PAGE, PAGE_IS_PRESENT|PAGE_IS_WRITTEN|PAGE_IS_WPALLOWED}]}
