# kernel-anchors §6 registration matrix: a private mapping of a memfd takes every mode, MINOR too.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, m, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR}) = 0 {ioctls=0x1bc}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x1fc}
