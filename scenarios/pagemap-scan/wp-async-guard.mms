# A guard marker in a WP_ASYNC tracked range under WP_MATCHING: make_uffd_wp_pte gives any
# swap-format entry the swp-uffd-wp bit, so what the guard reports afterwards is compared here.
# Source: fs/proc/task_mmu.c make_uffd_wp_pte, pagemap_page_category.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
madvise(a+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=8, return_mask=0x1ff}) = 3 {walk_end=a+4*PAGE}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+4*PAGE}) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=8, return_mask=0x1ff}) = 3 {walk_end=a+4*PAGE}
