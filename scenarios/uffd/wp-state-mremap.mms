# mremap without UFFD_FEATURE_EVENT_REMAP: the moved VMA is no longer registered and its PTEs
# lose uffd-wp (present bits and anonymous markers); a write after the move does not fault.
# Source: mm/mremap.c move_ptes (vma_has_uffd_without_event_remap), fs/userfaultfd.c
# mremap_userfaultfd_prep; kernel-spec.md §4.7, §4.8.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
r = mmap(NULL, 6*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
store(a, 1, 0x11)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 2) == present|uffd_wp|exclusive, swapped|uffd_wp
m = mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+4*PAGE)
pagemap(m, 2) == present|exclusive, none
vmflags(m) lacks uw
store(m, 2*PAGE, 0x22)
read(u, buf+PAGE, 32) = -1 EAGAIN
