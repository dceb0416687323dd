# Write protection of a private memfd mapping: file-backed, so empty PTEs get uffd-wp markers; a
# read of a marker maps the page-cache page protected; a write is a WP fault, and after the
# unprotect the write copies the page (the cache page is not this process's to write), so the
# file keeps its bytes.
# Source: mm/mprotect.c change_pte_range (userfaultfd_wp_use_markers: !vma_is_anonymous),
# can_change_pte_writable (only exclusive anonymous pages in private VMAs), mm/memory.c do_wp_page;
# kernel-spec.md §4.6.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
fd = memfd_create("wpp", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x11)
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(buf, uffdio_register{range={start=p, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=p, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(p, 2) == swapped|uffd_wp
load(p, 1) == 0x11
pagemap(p, 2) == present|uffd_wp|file, swapped|uffd_wp
spawn t1: store(p, 1, 0x22)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=p}}}
store(buf, uffdio_writeprotect{range={start=p, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t1
pagemap(p, 2) == present|exclusive, swapped|uffd_wp
load(p, 2) == 0x22 0x11
load(s, 1) == 0x11
# a write to the remaining marker: the COW copy is made protected, then reported
spawn t2: store(p+PAGE, 1, 0x33)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=p+PAGE}}}
pagemap(p+PAGE, 1) == present|uffd_wp|exclusive
store(buf, uffdio_writeprotect{range={start=p+PAGE, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t2
load(p+PAGE, 1) == 0x33
load(s+PAGE, 1) == 0x11
