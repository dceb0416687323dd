# kernel-spec §4.7 UNMAP: with UFFD_FEATURE_EVENT_UNMAP, munmap of a registered range queues
# {start, end}; the caller waits until it is read.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: munmap(a+PAGE, 2*PAGE) = 0
read(u) == {event=UFFD_EVENT_UNMAP, start=a+PAGE, end=a+3*PAGE}
join t1
maps
