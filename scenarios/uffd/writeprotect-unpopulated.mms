# WP_UNPOPULATED: protecting never-touched anonymous pages installs uffd-wp markers (pagemap
# swapped|uffd_wp); unprotecting removes them; MADV_DONTNEED drops them with the pages; a read of
# a marker maps a page that keeps uffd-wp (a zeroed page here, where the shared zero page is
# forbidden), and a write to a marker is a WP fault.
# Source: selftests uffd-unit-tests.c "wp-unpopulated"; mm/memory.c do_anonymous_page
# (vmf_orig_pte_uffd_wp), mm/mprotect.c change_pte_range; kernel-spec.md §4.5, §5.
requires: uffd
requires: root
requires: no-zero-page
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, uffdio_register{range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=4*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 4) == swapped|uffd_wp
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 2) == none, swapped|uffd_wp
madvise(a+PAGE, PAGE, MADV_DONTNEED) = 0
pagemap(a, 2) == none
# a read of a marker
load(a+2*PAGE, 8) == 0
pagemap(a+2*PAGE, 1) == present|uffd_wp|exclusive
spawn t1: store(a+2*PAGE, 1, 0x22)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a+2*PAGE}}}
store(buf, uffdio_writeprotect{range={start=a+2*PAGE, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t1
# a write to a marker
spawn t2: store(a+3*PAGE+1, 1, 0x33)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a+3*PAGE}}}
pagemap(a+3*PAGE, 1) == present|uffd_wp|exclusive
store(buf, uffdio_writeprotect{range={start=a+3*PAGE, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t2
load(a+2*PAGE, 2*PAGE) == 0x22 0*4096 0x33 0*4094
pagemap(a, 4) == none*2, present|exclusive*2
# writes to plain none PTEs (after unprotect) do not fault
store(a, 1, 1)
read(u, buf+PAGE, 32) = -1 EAGAIN
