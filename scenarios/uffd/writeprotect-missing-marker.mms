# A VMA registered MISSING|WP with WP_UNPOPULATED: a marker is "none-mostly", so an access to it is
# a missing fault (flags 0 for a read); UFFDIO_COPY may fill over the marker, and with MODE_WP the
# new page is protected, so the next write is a WP fault.
# Source: mm/memory.c handle_pte_marker, do_anonymous_page (userfaultfd_missing), mm/userfaultfd.c
# mfill_atomic_install_pte (pte_none_mostly); kernel-spec.md §4.5, §4.6.
requires: uffd
requires: root
buf = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 2) == swapped|uffd_wp
spawn t1: load(a, 1) == 0x55
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=0x0, address=a}}}
store(buf+2*PAGE, PAGE, 0x55)
store(buf, uffdio_copy{dst=a, src=buf+2*PAGE, len=PAGE, mode=UFFDIO_COPY_MODE_WP})
ioctl(u, UFFDIO_COPY, buf) = 0
join t1
pagemap(a, 2) == present|uffd_wp|exclusive, swapped|uffd_wp
spawn t2: store(a, 1, 0x66)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a}}}
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t2
# a write to the other marker is a missing write fault
spawn t3: store(a+PAGE, 1, 0x77)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+PAGE}}}
store(buf, uffdio_copy{dst=a+PAGE, src=buf+2*PAGE, len=PAGE})
ioctl(u, UFFDIO_COPY, buf) = 0
join t3
load(a, 2) == 0x66 0x55
load(a+PAGE, 2) == 0x77 0x55
pagemap(a, 2) == present|exclusive
