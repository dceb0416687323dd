# kernel-spec §4.6: while a non-cooperative event is in flight (queued, not read yet) the fill
# ioctls are EAGAIN (mmap_changing); once it is read they work again.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: madvise(a+3*PAGE, PAGE, MADV_DONTNEED) = 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = -1 EAGAIN {copy=-11}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = -1 EAGAIN
read(u) == {event=UFFD_EVENT_REMOVE, start=a+3*PAGE, end=a+4*PAGE}
join t1
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
