# kernel-spec §4.7 FORK, the other side: a context without UFFD_FEATURE_EVENT_FORK queues nothing
# on fork, and the child's VMAs are not registered: its faults are ordinary.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
fork() => child
read(u) = -1 EAGAIN
in child: vmflags(a) lacks um
in child: store(a, 1, 0x61)
in child: load(a, 1) == 0x61
read(u) = -1 EAGAIN
