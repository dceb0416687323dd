# kernel-spec §4.1: /dev/userfaultfd makes contexts with USERFAULTFD_IOC_NEW and the flags of
# userfaultfd(2); unknown flags are EINVAL, any other command on the device is EINVAL, and the
# device (mode 0600, root's) cannot be opened by an unprivileged process (EACCES).
requires: uffd
requires: root
dev = open("/dev/userfaultfd", O_RDWR|O_CLOEXEC, 0)
u1 = ioctl(dev, USERFAULTFD_IOC_NEW, 0)
u2 = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)
ioctl(dev, USERFAULTFD_IOC_NEW, O_RDWR) = -1 EINVAL
ioctl(dev, USERFAULTFD_IOC_NEW, 0x10) = -1 EINVAL
ioctl(dev, UFFDIO_API, 0) = -1 EINVAL
ioctl(u2, UFFDIO_API, {api=UFFD_API}) = 0 {features=0x1ffff, ioctls=0x8000000000000003}
process user unprivileged
in user: open("/dev/userfaultfd", O_RDWR|O_CLOEXEC, 0) = -1 EACCES
