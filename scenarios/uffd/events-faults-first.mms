# kernel-spec §4.3: pending page faults are read before non-fault events, whatever their order:
# a fault queued after a REMOVE event is read first.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn remover: madvise(a+2*PAGE, 2*PAGE, MADV_DONTNEED) = 0
spawn faulter: load(a, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a}
read(u) == {event=UFFD_EVENT_REMOVE, start=a+2*PAGE, end=a+4*PAGE}
read(u) = -1 EAGAIN
join remover
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0
join faulter
