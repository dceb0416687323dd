# WP_ASYNC on a shared memfd: markers on empty PTEs, writes to protected pages and to markers are
# resolved by the kernel without a message; the pages become writable and the bits go.
# Source: mm/memory.c do_wp_page (userfaultfd_wp_async), wp_page_shared; kernel-anchors.md §6.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC})
ioctl(u, UFFDIO_API, buf) = 0
fd = memfd_create("wpa", 0)
ftruncate(fd, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 1, 0x11)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 2) == present|uffd_wp|file|exclusive, swapped|uffd_wp
store(a, 1, 0x22)
store(a+PAGE, 1, 0x33)
read(u, buf+PAGE, 32) = -1 EAGAIN
pagemap(a, 2) == present|file|exclusive
load(a, 1) == 0x22
load(a+PAGE, 1) == 0x33
