# kernel-spec §4.4: closing the userfaultfd unregisters everything and wakes every waiting thread,
# which then retries its fault normally.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: load(a, 1)
spawn t2: store(a+PAGE, 1, 0x44)
vmflags(a) has um
close(u) = 0
join t1
join t2
vmflags(a) lacks um
load(a+PAGE, 1) == 0x44
