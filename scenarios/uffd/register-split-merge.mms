# kernel-spec §4.4: registration splits VMAs at the range edges and unregistration merges them
# back.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a+PAGE, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
vmas(a, 4*PAGE) == 3
maps
vmflags(a+PAGE) has um
ioctl(u, UFFDIO_REGISTER, {range={start=a+3*PAGE, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
vmas(a, 4*PAGE) == 2
ioctl(u, UFFDIO_UNREGISTER, {start=a+2*PAGE, len=PAGE}) = 0
vmas(a, 4*PAGE) == 4
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=4*PAGE}) = 0
vmas(a, 4*PAGE) == 1
maps
