# UFFDIO_WRITEPROTECT mode 0 with DONTWAKE clears the protection but leaves the blocked writer
# asleep; UFFDIO_WAKE lets it finish.
# Source: fs/userfaultfd.c userfaultfd_writeprotect (wake_userfault unless DONTWAKE); kernel-spec.md §4.6.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
spawn t1: store(a, 1, 0x22)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a}}}
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_DONTWAKE})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 2) == present|exclusive, present|uffd_wp|exclusive
load(a, 1) == 0x11
store(buf, uffdio_range{start=a, len=PAGE})
ioctl(u, UFFDIO_WAKE, buf) = 0
join t1
load(a, 1) == 0x22
