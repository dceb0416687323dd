# The tracker loop of pagemap_ioctl.c's userfaultfd tests and kernel-spec §2.6: a WP_ASYNC
# context, WP_MATCHING without a vector protects every page (present ones keep PRESENT, none
# ones become uffd-wp markers, SWAPPED), writes are resolved by the kernel and show as WRITTEN,
# a scan with WP_MATCHING reports them and re-protects them, so a second scan finds nothing
# until the next write. A read of a marker maps a page that stays protected.
# Source: fs/proc/task_mmu.c pagemap_scan_test_walk, make_uffd_wp_pte, the WP_MATCHING fast path.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
a = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=16*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=a+16*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}, {a+2*PAGE, a+16*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+16*PAGE}) = 0 {walk_end=a+16*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=a+16*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+2*PAGE, a+16*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}]}
pagemap(a, 3) == present|uffd_wp|exclusive*2, swapped|uffd_wp
store(a, 1, 0x22)
store(a+3*PAGE, 1, 0x33)
load(a+5*PAGE, 1) == 0
read(u, a+8*PAGE, 32) = -1 EAGAIN
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+16*PAGE, vec=[{a, a+PAGE, PAGE_IS_WRITTEN}, {a+3*PAGE, a+4*PAGE, PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+16*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 2 {walk_end=a+16*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+16*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0 {walk_end=a+16*PAGE, vec=[]}
store(a+PAGE, 1, 0x44)
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+16*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 1 {walk_end=a+16*PAGE, vec=[{a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN}]}
load(a+PAGE, 1) == 0x44
load(a, 1) == 0x22
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_CHECK_WPASYNC, start=a, end=a+16*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=PAGE_IS_WRITTEN}) = 0
