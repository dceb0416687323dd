# Write protection of shared memfd pages: WP=1 marks present PTEs uffd-wp and installs uffd-wp
# markers on empty ones (file-backed memory always uses markers); a read of a marker maps the
# page-cache page with uffd-wp kept; a write to it, or to a protected page, is a WP fault; mode 0
# clears markers and bits, and makes a dirty page writable.
# Source: selftests uffd-unit-tests.c wp handling on shmem; mm/mprotect.c change_pte_range
# (userfaultfd_wp_use_markers), mm/memory.c set_pte_range; kernel-spec.md §4.6, §5.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
fd = memfd_create("wp", 0)
ftruncate(fd, 4*PAGE) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
b = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(b, 4*PAGE, 0x11)
store(a, 1, 0x22)
store(buf, uffdio_register{range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
load(buf, uffdio_register) == {ioctls=0x17c}
store(buf, uffdio_writeprotect{range={start=a, len=4*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 4) == present|uffd_wp|file, swapped|uffd_wp*3
# a read of a marker maps the cached page, still protected (no fault-around in uffd-wp VMAs)
load(a+PAGE, 1) == 0x11
pagemap(a, 4) == present|uffd_wp|file, present|uffd_wp|file, swapped|uffd_wp*2
# the other mapping is not protected
store(b+PAGE, 1, 0x33)
spawn t1: store(a+PAGE, 1, 0x44)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a+PAGE}}}
store(buf, uffdio_writeprotect{range={start=a+PAGE, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t1
load(b+PAGE, 1) == 0x44
# a write to a marker
spawn t2: store(a+2*PAGE, 1, 0x55)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a+2*PAGE}}}
pagemap(a+2*PAGE, 1) == present|uffd_wp|file
store(buf, uffdio_writeprotect{range={start=a+2*PAGE, len=2*PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t2
pagemap(a, 4) == present|uffd_wp|file, present|file*2, none
load(b+2*PAGE, 1) == 0x55
# unprotect the dirty first page: writable without a fault
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
store(a, 1, 0x66)
read(u, buf+PAGE, 32) = -1 EAGAIN
load(b, 1) == 0x66
