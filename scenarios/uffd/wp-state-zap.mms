# Zapping keeps uffd-wp only where the data lives on in a file: MADV_DONTNEED on anonymous memory
# drops protected pages and markers alike, on a shared memfd it leaves a uffd-wp marker where a
# protected page was (and keeps existing markers); so does a hole punch (MADV_REMOVE); a read
# afterwards maps the page protected again. munmap drops everything.
# Source: mm/memory.c zap_install_uffd_wp_if_needed, pte_install_uffd_wp_if_needed;
# selftests uffd-unit-tests.c "wp-fork" (DONTNEED on shared memory); kernel-spec.md §4.8, §5.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
fd = memfd_create("wpz", 0)
ftruncate(fd, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 3*PAGE, 0x22)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_register{range={start=s, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
store(buf, uffdio_writeprotect{range={start=s, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(s, 4) == present|uffd_wp|file|exclusive*2, present|file|exclusive, none
madvise(a, 2*PAGE, MADV_DONTNEED) = 0
pagemap(a, 2) == none
madvise(s, 4*PAGE, MADV_DONTNEED) = 0
pagemap(s, 4) == swapped|uffd_wp*2, none*2
load(s, 1) == 0x22
pagemap(s, 2) == present|uffd_wp|file|exclusive, swapped|uffd_wp
madvise(s, 4*PAGE, MADV_REMOVE) = 0
pagemap(s, 4) == swapped|uffd_wp*2, none*2
# (the kernel reuses the frames the hole punch freed: no frame labels past this point)
load(s, 1) == 0
pagemap(s+PAGE, 3) == swapped|uffd_wp, none*2
spawn t1: store(s, 1, 0x33)
read(u, buf+PAGE, 32) = 32
load(buf+PAGE, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=s}}}
store(buf, uffdio_writeprotect{range={start=s, len=PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
join t1
store(s+2*PAGE, 1, 0x44)
read(u, buf+PAGE, 32) = -1 EAGAIN
load(s+2*PAGE, 1) == 0x44
munmap(s, 4*PAGE) = 0
s2 = mmap(s, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 0)
pagemap(s2, 4) == none
