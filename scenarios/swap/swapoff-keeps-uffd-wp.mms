# swapoff keeps a swap entry's uffd-wp bit in the PTE it maps (unuse_pte), so a write-protected
# anonymous page stays protected after its trip through swap and swapoff; the uffd-wp marker of a
# shmem page stays in its PTE as well, and the page comes back into the page cache.
# Source: mm/swapfile.c unuse_pte (pte_swp_uffd_wp → pte_mkuffd_wp); kernel-spec.md §4.8.
requires: uffd
requires: root, swap
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
store(a, 1, 0x51)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
fd = memfd_create("wp", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 1, 0x52)
ioctl(u, UFFDIO_REGISTER, {range={start=s, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=s, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
madvise(a, PAGE, MADV_PAGEOUT) = 0
madvise(s, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 1) == swapped|uffd_wp
pagemap(s, 1) == swapped|uffd_wp
swapoff() = 0
pagemap(a, 1) == present|uffd_wp|exclusive
pagemap(s, 1) == swapped|uffd_wp
mincore(s, PAGE) == 1
load(s, 1) == 0x52
pagemap(s, 1) == present|uffd_wp|file|exclusive
