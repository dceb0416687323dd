# WP_ASYNC: the kernel resolves write faults on protected pages itself: no message, the uffd-wp
# bit goes and the page becomes writable; WP_ASYNC implies WP_UNPOPULATED, so never-touched pages
# get markers, and a write to one also completes without a message.
# Source: mm/memory.c do_wp_page (userfaultfd_wp_async), fs/userfaultfd.c userfaultfd_api;
# kernel-anchors.md §6 "WP_ASYNC"; kernel-spec.md §4.2, §4.5.
requires: uffd
requires: root
requires: no-zero-page
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
store(buf, uffdio_register{range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=4*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 4) == present|uffd_wp|exclusive*2, swapped|uffd_wp*2
store(a+PAGE, 1, 0x22)
store(a+3*PAGE, 1, 0x33)
read(u, buf+PAGE, 32) = -1 EAGAIN
pagemap(a, 4) == present|uffd_wp|exclusive, present|exclusive, swapped|uffd_wp, present|exclusive
load(a+PAGE, 1) == 0x22
load(a+3*PAGE, 1) == 0x33
# a read of a marker keeps the protection; the write after it clears it
load(a+2*PAGE, 1) == 0
pagemap(a+2*PAGE, 1) == present|uffd_wp|exclusive
store(a+2*PAGE, 1, 0x44)
pagemap(a, 4) == present|uffd_wp|exclusive, present|exclusive*3
# a spawned thread's write completes too
spawn t1: store(a, 1, 0x55)
join t1
pagemap(a, 1) == present|exclusive
read(u, buf+PAGE, 32) = -1 EAGAIN
