# kernel-spec §4.3: a fault message's address is the faulting address rounded down to its page,
# unless UFFD_FEATURE_EXACT_ADDRESS asks for the exact byte.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
x = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(x, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EXACT_ADDRESS}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(x, UFFDIO_REGISTER, {range={start=b, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: store(a+PAGE+0x123, 1, 1)
spawn t2: load(b+PAGE+0x321, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+PAGE}
read(x) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=b+PAGE+0x321}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0
ioctl(x, UFFDIO_ZEROPAGE, {range={start=b+PAGE, len=PAGE}}) = 0
join t1
join t2
