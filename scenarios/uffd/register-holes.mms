# kernel-spec §4.4: holes between VMAs inside the range are allowed; every VMA in it is
# registered, and the range edges split the VMAs they cut.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+3*PAGE, 2*PAGE) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a+PAGE, len=6*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
maps
vmflags(a) lacks um
vmflags(a+PAGE) has um
vmflags(a+5*PAGE) has um
vmflags(a+7*PAGE) lacks um
vmas(a, 8*PAGE) == 4
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=8*PAGE}) = 0
vmas(a, 8*PAGE) == 2
