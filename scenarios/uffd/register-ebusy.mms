# kernel-spec §4.4: a VMA registered with one context cannot be registered with another (EBUSY),
# also when the range only overlaps it; once unregistered from the first it can.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
v = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(v, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(v, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EBUSY {ioctls=0}
ioctl(v, UFFDIO_REGISTER, {range={start=a+PAGE, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = -1 EBUSY
vmflags(a+2*PAGE) lacks um uw
ioctl(v, UFFDIO_REGISTER, {range={start=a+2*PAGE, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
# nor can another context unregister it (fs/userfaultfd.c userfaultfd_unregister: a VMA
# registered with a different context is EINVAL)
ioctl(v, UFFDIO_UNREGISTER, {start=a, len=2*PAGE}) = -1 EINVAL
vmflags(a) has um
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=2*PAGE}) = 0
ioctl(v, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
