# uffd-unit-tests.c "UFFDIO_API (/dev/userfaultfd)": the same handshake on a context made by
# USERFAULTFD_IOC_NEW on /dev/userfaultfd (kernel-spec §4.1: same flag rules, no capability check).
requires: uffd
requires: root
dev = open("/dev/userfaultfd", O_RDWR|O_CLOEXEC, 0)
u = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=0xab}) = -1 EINVAL {features=0, ioctls=0}
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0x8000000000000000}) = -1 EINVAL
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0}) = 0 {features=0x1ffff, ioctls=0x8000000000000003}
ioctl(u, UFFDIO_API, {api=UFFD_API, features=0}) = -1 EINVAL
close(u) = 0
close(dev) = 0
