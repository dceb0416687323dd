# kernel-spec §4.3: a context without O_NONBLOCK blocks in read only while no message is pending;
# with one pending, read returns it at once. poll on such a context always reports POLLERR
# (fs/userfaultfd.c userfaultfd_poll: poll cannot promise that read will not block, so it needs
# O_NONBLOCK).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t0: store(a+8, 1, 0x12)
poll(u) == POLLERR
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a}
poll(u) == POLLERR
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0
join t0
load(a+7, 2) == 0 0x12
