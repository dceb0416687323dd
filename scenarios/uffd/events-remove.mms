# kernel-spec §4.7 REMOVE: with UFFD_FEATURE_EVENT_REMOVE, MADV_DONTNEED on a registered range
# queues {start, end} (clipped to the VMA) and the thread that asked waits until the event is read.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0
spawn t1: madvise(a, 4*PAGE, MADV_DONTNEED) = 0
read(u) == {event=UFFD_EVENT_REMOVE, start=a, end=a+2*PAGE}
read(u) = -1 EAGAIN
join t1
pagemap(a, 1) == none
# MADV_PAGEOUT and MADV_COLD queue nothing
madvise(a, 2*PAGE, MADV_COLD) = 0
read(u) = -1 EAGAIN
