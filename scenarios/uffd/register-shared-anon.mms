# kernel-spec §4.4: MAP_SHARED|MAP_ANONYMOUS is shmem: MISSING, WP and MINOR all register.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP|UFFDIO_REGISTER_MODE_MINOR}) = 0 {ioctls=0x1fc}
vmflags(a) has um uw ui
