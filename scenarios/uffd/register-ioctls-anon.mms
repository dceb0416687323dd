# uffd-unit-tests.c "register-ioctls" (anon): every combination of MISSING, WP and MINOR on one
# private anonymous page; the returned ioctls as kernel-spec §4.4's 6.18 correction lists them
# (always WAKE|COPY|ZEROPAGE|MOVE|POISON, +WRITEPROTECT with WP); MINOR needs shmem: EINVAL.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=0}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_WP}) = -1 EINVAL
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_WP|UFFDIO_REGISTER_MODE_MISSING}) = -1 EINVAL
vmflags(a) lacks um uw ui
