# kernel-spec §4.4 UNREGISTER: the range is validated as for REGISTER (unaligned, length 0, no
# VMA: EINVAL); VMAs that are not registered are skipped, so unregistering twice succeeds.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_UNREGISTER, {start=a+1, len=PAGE}) = -1 EINVAL
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=PAGE+1}) = -1 EINVAL
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=0}) = -1 EINVAL
ioctl(u, UFFDIO_UNREGISTER, {start=0x800000000000, len=PAGE}) = -1 EINVAL
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=4*PAGE}) = 0
vmflags(a) lacks um
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=4*PAGE}) = 0
munmap(a, 4*PAGE) = 0
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=4*PAGE}) = -1 EINVAL
# after UNREGISTER a missing page faults in as usual
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=b, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_UNREGISTER, {start=b, len=PAGE}) = 0
store(b, 1, 0x42)
load(b, 1) == 0x42
read(u) = -1 EAGAIN
