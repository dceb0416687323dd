# uffd-unit-tests.c "poison" (anon): POISON is advertised; faults on even pages are resolved with
# UFFDIO_POISON, on odd pages with a COPY of zeros; then even pages raise SIGBUS and odd pages read
# 0. kernel-spec §4.6 and its 6.18 correction: the marker reads as pagemap 0x400000000000005f
# (swapped) and its SIGBUS has si_code BUS_ADRERR.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
zeros = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(zeros, PAGE, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
spawn t0: load(a, 1) => SIGBUS BUS_ADRERR at a
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a}
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}}) = 0 {updated=4096}
join t0
spawn t1: load(a+PAGE, 1) == 0
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a+PAGE}
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=zeros, len=PAGE}) = 0 {copy=4096}
join t1
ioctl(u, UFFDIO_POISON, {range={start=a+2*PAGE, len=PAGE}}) = 0 {updated=4096}
ioctl(u, UFFDIO_COPY, {dst=a+3*PAGE, src=zeros, len=PAGE}) = 0 {copy=4096}
pagemap(a, 4) == swapped, present|exclusive, swapped, present|exclusive
load(a, 1) => SIGBUS BUS_ADRERR at a
store(a+2*PAGE+5, 1, 1) => SIGBUS BUS_ADRERR at a+2*PAGE+5
load(a+PAGE, 1) == 0
load(a+3*PAGE, 1) == 0
read(u) = -1 EAGAIN
