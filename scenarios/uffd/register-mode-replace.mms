# kernel-spec §4.4: registering a registered range again with the same context and another mode
# replaces the mode (smaps VmFlags um/uw follow).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
vmflags(a) has um
vmflags(a) lacks uw
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
vmflags(a) has uw
vmflags(a) lacks um
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
vmflags(a) has um uw
vmflags(a+PAGE) has uw
vmflags(a+PAGE) lacks um
vmas(a, 2*PAGE) == 2
