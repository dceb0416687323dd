# kernel-spec §4.6 ZEROPAGE: mode other than DONTWAKE, unaligned start or length, zero length
# are EINVAL; an unregistered or unmapped range is ENOENT; a present page or any PTE marker
# (a poison marker here) is EEXIST: ZEROPAGE needs a strictly empty PTE. Errors found before the
# range is looked at leave the zeropage member as it was.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}, mode=2}) = -1 EINVAL {zeropage=0}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+1, len=PAGE}}) = -1 EINVAL
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE+1}}) = -1 EINVAL
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=0}}) = -1 EINVAL
ioctl(u, UFFDIO_ZEROPAGE, {range={start=b, len=PAGE}}) = -1 ENOENT {zeropage=-2}
munmap(b, PAGE) = 0
ioctl(u, UFFDIO_ZEROPAGE, {range={start=b, len=PAGE}}) = -1 ENOENT
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+3*PAGE, len=2*PAGE}}) = -1 ENOENT
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = -1 EEXIST {zeropage=-17}
ioctl(u, UFFDIO_POISON, {range={start=a+PAGE, len=PAGE}}) = 0 {updated=4096}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = -1 EEXIST
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+2*PAGE, len=PAGE}, mode=UFFDIO_ZEROPAGE_MODE_DONTWAKE}) = 0 {zeropage=4096}
