# kernel-spec §2.4: a poison marker (UFFDIO_POISON) is SWAPPED|WRITTEN, a guard marker
# SWAPPED|WRITTEN|GUARD; neither is PRESENT.
# Source: fs/proc/task_mmu.c pagemap_page_category (is_swap_pte, is_guard_swp_entry).
requires: uffd
requires: root
pm = open("/proc/self/pagemap", O_RDONLY, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_POISON, {range={start=a+PAGE, len=PAGE}}) = 0 {updated=4096}
madvise(a+2*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
ioctl(pm, PAGEMAP_SCAN, {start=a, end=a+4*PAGE, vec_len=8, return_mask=0x1ff}) = 4 {walk_end=a+4*PAGE, vec=[{a, a+PAGE, PAGE_IS_WRITTEN}, {a+PAGE, a+2*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED}, {a+2*PAGE, a+3*PAGE, PAGE_IS_WRITTEN|PAGE_IS_SWAPPED|PAGE_IS_GUARD}, {a+3*PAGE, a+4*PAGE, PAGE_IS_WRITTEN}]}
