# kernel-spec §2.5, the WP_MATCHING fast path: without an output vector every page of a
# wp-allowed VMA not yet protected is protected whatever the masks say (here a mask that matches
# only present pages protects the none pages too); with a vector only the matched WRITTEN pages
# are, so a mask of PRESENT leaves the none pages written.
# Source: fs/proc/task_mmu.c pagemap_scan_pmd_entry (the !p->vec_buf branch), pagemap_scan_output.
requires: uffd
requires: root
requires: no-zero-page
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC|UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
store(b, 2*PAGE, 0x11)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=8*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=b, len=8*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=a, end=a+8*PAGE, category_mask=PAGE_IS_PRESENT}) = 0 {walk_end=a+8*PAGE}
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+8*PAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=a+8*PAGE, vec=[{a, a+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {a+2*PAGE, a+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=b, end=b+8*PAGE, vec_len=8, category_mask=PAGE_IS_PRESENT, return_mask=0x1ff}) = 1 {walk_end=b+8*PAGE, vec=[{b, b+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN|PAGE_IS_PRESENT}]}
ioctl(pm, PAGEMAP_SCAN, {start=b, end=b+8*PAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=b+8*PAGE, vec=[{b, b+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {b+2*PAGE, b+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {flags=PM_SCAN_WP_MATCHING, start=b, end=b+8*PAGE, vec_len=8, category_mask=PAGE_IS_WRITTEN, category_inverted=PAGE_IS_PRESENT, return_mask=0x1ff}) = 1 {walk_end=b+8*PAGE, vec=[{b+2*PAGE, b+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_WRITTEN}]}
ioctl(pm, PAGEMAP_SCAN, {start=b, end=b+8*PAGE, vec_len=8, return_mask=0x1ff}) = 2 {walk_end=b+8*PAGE, vec=[{b, b+2*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_PRESENT}, {b+2*PAGE, b+8*PAGE, PAGE_IS_WPALLOWED|PAGE_IS_SWAPPED}]}
