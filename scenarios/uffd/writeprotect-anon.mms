# Write protection of present anonymous pages: WP=1 marks them uffd-wp and read-only (pagemap
# bit 57); a write from another thread blocks and reports WRITE|WP at the page; UFFDIO_WRITEPROTECT
# with mode 0 clears the bit, wakes the writer and leaves the page writable (an exclusive anonymous
# page: can_change_pte_writable), so later writes do not fault. Never-touched pages get no marker
# without WP_UNPOPULATED.
# Source: selftests uffd-unit-tests.c (the WP handler of uffd_poll_thread), mm/userfaultfd.c
# uffd_wp_range, mm/memory.c do_wp_page; kernel-spec.md §4.5, §4.6.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
store(buf, uffdio_register{range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
load(buf, uffdio_register) == {ioctls=0x17c}
store(buf, uffdio_writeprotect{range={start=a, len=4*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 4) == present|uffd_wp|exclusive*2, none*2
# reads still work; so do writes to never-touched pages (no marker there)
load(a, 2*PAGE) == 0x11
store(a+3*PAGE, 1, 0x33)
pagemap(a+3*PAGE, 1) == present|exclusive
spawn t1: store(a+PAGE+5, 1, 0x22)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a+PAGE}}}
read(u, buf+PAGE, 32) = -1 EAGAIN
load(a+PAGE+5, 1) == 0x11
store(buf, uffdio_writeprotect{range={start=a+PAGE, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t1
load(a+PAGE, 8) == 0x11*5 0x22 0x11*2
pagemap(a, 2) == present|uffd_wp|exclusive, present|exclusive
# the unprotected page is writable now: no fault, no message
store(a+PAGE, 1, 0x44)
read(u, buf+PAGE, 32) = -1 EAGAIN
# protecting twice and unprotecting twice are no-ops
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
store(buf, uffdio_writeprotect{range={start=a+PAGE, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 4) == present|uffd_wp|exclusive, present|exclusive, none, present|exclusive
