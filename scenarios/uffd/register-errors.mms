# kernel-spec §4.4 REGISTER errors: mode 0 or an unknown mode bit, an unaligned start or length,
# length 0, a range beyond the task size, or no VMA in the range are EINVAL; ioctls stays 0.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=0}) = -1 EINVAL {ioctls=0}
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=8}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|8}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a+1, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE-1}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=0}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=0x7ffffffff000, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=0x800000000000, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
munmap(a+2*PAGE, 2*PAGE) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a+2*PAGE, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
vmflags(a) lacks um
