# mprotect keeps uffd-wp: a protected page made read-only and writable again is still protected
# (pagemap bit 57, and a write is a WP fault), and a marker stays a marker.
# Source: mm/mprotect.c change_pte_range (pte_modify keeps the bit, can_change_pte_writable refuses
# uffd-wp PTEs); kernel-spec.md §4.8.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
mprotect(a, 2*PAGE, PROT_READ) = 0
pagemap(a, 2) == present|uffd_wp|exclusive, swapped|uffd_wp
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(a, 2) == present|uffd_wp|exclusive, swapped|uffd_wp
vmflags(a) has uw
spawn t1: store(a, 1, 0x22)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a}}}
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t1
# mprotect of one page splits the VMA; both halves stay registered and protected
mprotect(a+PAGE, PAGE, PROT_READ) = 0
pagemap(a, 2) == present|exclusive, swapped|uffd_wp
vmflags(a+PAGE) has uw
