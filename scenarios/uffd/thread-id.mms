# kernel-spec §4.3: with UFFD_FEATURE_THREAD_ID a fault message names the faulting thread (ptid,
# shown as the scenario's name of the thread); without it ptid is 0.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_THREAD_ID}) = 0
n = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(n, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(n, UFFDIO_REGISTER, {range={start=b, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn first: load(a+2*PAGE, 1)
spawn second: load(a, 1)
spawn third: load(b, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a+2*PAGE, ptid=first}
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a, ptid=second}
read(n) == {event=UFFD_EVENT_PAGEFAULT, address=b, ptid=0}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=4*PAGE}}) = 0
ioctl(n, UFFDIO_ZEROPAGE, {range={start=b, len=PAGE}}) = 0
join second
join first
join third
