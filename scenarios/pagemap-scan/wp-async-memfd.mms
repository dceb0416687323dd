# WP_ASYNC tracking on a shared memfd mapping (file-backed: markers always), the pagemap_ioctl.c
# base tests' memfd variant: WP_MATCHING without a vector protects every page, a write shows as
# WRITTEN and FILE, and a scan with WP_MATCHING re-arms it.
# Source: fs/proc/task_mmu.c pagemap_scan_test_walk (userfaultfd_wp_use_markers), make_uffd_wp_pte.
requires: uffd
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
fd = memfd_create("track", 0)
ftruncate(fd, 8*PAGE) = 0
m = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m, 2*PAGE, 0x11)
ioctl(u, UFFDIO_REGISTER, {range={start=m, len=8*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=m, end=m+8*PAGE}) = 0 {walk_end=m+8*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=m, end=m+8*PAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=m+8*PAGE, vec=[{m, m+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_FILE|PAGE_IS_PRESENT}, {m+2*PAGE, m+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}]}
store(m+PAGE, 1, 0x22)
store(m+6*PAGE, 1, 0x33)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=m, end=m+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN|PAGE_IS_FILE}) = 2 {walk_end=m+8*PAGE, vec=[{m+PAGE, m+2*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE}, {m+6*PAGE, m+7*PAGE, PAGE_IS_WRITTEN|PAGE_IS_FILE}]}
ioctl(pm, PAGEMAP_SCAN, {start=m, end=m+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=m+8*PAGE, vec=[]}
load(m+6*PAGE, 1) == 0x33
