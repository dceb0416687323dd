# kernel-spec §4.1: before a successful UFFDIO_API every other ioctl is EINVAL, read is EINVAL
# and poll reports POLLERR.
requires: uffd
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL {ioctls=0}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=2*PAGE}) = -1 EINVAL
ioctl(u, UFFDIO_COPY, {dst=a, src=b, len=PAGE}) = -1 EINVAL
ioctl(u, UFFDIO_WAKE, {start=a, len=PAGE}) = -1 EINVAL
read(u) = -1 EINVAL
poll(u) == POLLERR
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
poll(u) == 0
read(u) = -1 EAGAIN
