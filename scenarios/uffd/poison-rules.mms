# kernel-spec §4.6 POISON: mode other than DONTWAKE is EINVAL; it needs a strictly empty PTE
# (present page: EEXIST); MADV_DONTNEED removes the marker, after which the page faults as missing
# again.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}, mode=2}) = -1 EINVAL
ioctl(u, UFFDIO_POISON, {range={start=a+1, len=PAGE}}) = -1 EINVAL
ioctl(u, UFFDIO_POISON, {range={start=a, len=0}}) = -1 EINVAL
ioctl(u, UFFDIO_POISON, {range={start=b, len=PAGE}}) = -1 ENOENT {updated=-2}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0
ioctl(u, UFFDIO_POISON, {range={start=a, len=2*PAGE}}) = -1 EEXIST {updated=-17}
ioctl(u, UFFDIO_POISON, {range={start=a+PAGE, len=3*PAGE}, mode=UFFDIO_POISON_MODE_DONTWAKE}) = 0 {updated=12288}
pagemap(a+PAGE, 3) == swapped*3
madvise(a+PAGE, PAGE, MADV_DONTNEED) = 0
pagemap(a+PAGE, 3) == none, swapped*2
spawn t1: load(a+PAGE, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a+PAGE}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0
join t1
