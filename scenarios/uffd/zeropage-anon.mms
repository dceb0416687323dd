# uffd-unit-tests.c "zeropage" (anon): ZEROPAGE is advertised, fills one page that reads as zeros
# and resolves the fault; doing it again is EEXIST (kernel-spec §4.6 ZEROPAGE).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
spawn t1: load(a+PAGE, 8)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a+PAGE}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0 {zeropage=4096}
join t1
load(a+PAGE, PAGE) == 0
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = -1 EEXIST {zeropage=-17}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0 {zeropage=4096}
load(a, 8) == 0
