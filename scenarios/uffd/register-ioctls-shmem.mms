# uffd-unit-tests.c "register-ioctls" (shmem): every combination of modes on a shared memfd
# page; MINOR adds CONTINUE, WP adds WRITEPROTECT (kernel-spec §4.4 and its 6.18 correction).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=0}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR}) = 0 {ioctls=0x1bc}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x1bc}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x1fc}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_WP|UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x1fc}
vmflags(a) has um uw ui
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
vmflags(a) lacks um uw ui
