# A write-protected shmem page that MADV_PAGEOUT swaps out leaves a uffd-wp PTE marker where its
# PTE was (try_to_unmap of a file page cannot keep the bit in a swap entry), so the protection
# survives: the read that brings the page back maps it still protected.
# Source: mm/rmap.c try_to_unmap_one (pte_install_uffd_wp_if_needed); kernel-spec.md §5.
requires: uffd
requires: root, swap
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
fd = memfd_create("wp", 0)
ftruncate(fd, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 2*PAGE, 0x51)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == swapped|uffd_wp, none
smaps(a).Swap == 8 kB
load(a, 1) == 0x51
load(a+PAGE, 1) == 0x51
pagemap(a, 2) == present|uffd_wp|file|exclusive, present|file|exclusive
smaps(a).Swap == 0 kB
