# fork without UFFD_FEATURE_EVENT_FORK: the child's VMAs are not registered and its PTEs lose
# uffd-wp (present pages lose bit 57, shmem markers are not copied); the parent keeps everything.
# Source: selftests uffd-unit-tests.c "wp-fork"; mm/memory.c copy_present_pte, copy_pte_marker
# (userfaultfd_wp of the child's VMA), kernel/fork.c dup_userfaultfd; kernel-spec.md §4.7, §4.8.
requires: uffd
requires: root
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
fd = memfd_create("wpf", 0)
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
fork() => child
pagemap(a, 2) == present|uffd_wp, swapped|uffd_wp
pagemap(s, 2) == present|uffd_wp|file|exclusive, swapped|uffd_wp
in child: pagemap(a, 2) == present, none
in child: pagemap(s, 2) == none
in child: vmflags(a) lacks uw
in child: store(a, 1, 0x33)
in child: store(s+PAGE, 1, 0x44)
in child: exit()
load(a, 1) == 0x11
load(s+PAGE, 1) == 0x44
pagemap(a, 2) == present|uffd_wp|exclusive, swapped|uffd_wp
