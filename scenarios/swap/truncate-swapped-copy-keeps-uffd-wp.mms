# A truncation that drops a private mapping's write-protected copy out in swap leaves a uffd-wp
# marker in its place, as it does for a copy in memory: the mapping is file-backed and still
# registered for WP, so the protection stays for the file's page that comes back there.
# Source: mm/memory.c zap_nonpresent_ptes, zap_install_uffd_wp_if_needed
# (pte_install_uffd_wp_if_needed: pte_swp_uffd_wp_any); mm/shmem.c shmem_setattr.
requires: uffd
requires: root, swap
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
fd = memfd_create("wp", 0)
ftruncate(fd, 2*PAGE) = 0
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p, 2*PAGE, 0x19)
ioctl(u, UFFDIO_REGISTER, {range={start=p, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=p, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
madvise(p, PAGE, MADV_PAGEOUT) = 0
pagemap(p, 2) == swapped|uffd_wp@S1, present|uffd_wp|exclusive
ftruncate(fd, 0) = 0
ftruncate(fd, 2*PAGE) = 0
pagemap(p, 2) == swapped|uffd_wp*2
status.VmSwap == 0 kB
load(p, 2*PAGE) == 0x00
