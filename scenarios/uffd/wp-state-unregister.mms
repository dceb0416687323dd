# UFFDIO_UNREGISTER removes the uffd-wp protection from every PTE of the range: bits of present
# pages go, markers go (anonymous with WP_UNPOPULATED and shared memfd); the pages stay mapped
# and later writes do not fault.
# Source: fs/userfaultfd.c userfaultfd_unregister (uffd_wp_range with enable_wp false);
# kernel-spec.md §4.4, §4.8.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
fd = memfd_create("wpu", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 1, 0x22)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_register{range={start=s, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
store(buf, uffdio_writeprotect{range={start=s, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
store(buf, uffdio_range{start=a, len=2*PAGE})
ioctl(u, UFFDIO_UNREGISTER, buf) = 0
store(buf, uffdio_range{start=s, len=2*PAGE})
ioctl(u, UFFDIO_UNREGISTER, buf) = 0
pagemap(a, 2) == present|exclusive, none
pagemap(s, 2) == present|file|exclusive, none
vmflags(a) lacks uw
store(a, 2*PAGE, 0x33)
store(s, 2*PAGE, 0x44)
read(u, buf+PAGE, 32) = -1 EAGAIN
