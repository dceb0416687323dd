# What a tracker sees of MADV_DONTNEED in a WP_ASYNC anonymous range: the zap drops the page and
# its protection (anonymous VMAs keep no marker), so the page reads as WRITTEN (a none PTE in a
# PTE table) and the next collection reports it, as a tool copying pages must see it (its
# contents are now zero); WP_MATCHING puts a marker there.
# Source: mm/memory.c zap_pte_range (zap_install_uffd_wp_if_needed: file VMAs only); fs/proc/task_mmu.c pagemap_scan_pte_hole.
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
madvise(a+2*PAGE, 2*PAGE, MADV_DONTNEED) = 0
pagemap(a+PAGE, 3) == present|uffd_wp|exclusive@P1, none*2
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING|PM_SCAN_CHECK_WPASYNC, start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=0x1ff}) = 1 {walk_end=a+8*PAGE, vec=[{a+2*PAGE, a+4*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN}]}
pagemap(a+PAGE, 3) == present|uffd_wp|exclusive@P1, swapped|uffd_wp*2
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, return_mask=0x1ff}) = 3 {walk_end=a+8*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+2*PAGE, a+4*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}, {a+4*PAGE, a+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}]}
load(a+2*PAGE, 1) == 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, return_mask=0x1ff}) = 0 {walk_end=a+8*PAGE, vec=[]}
