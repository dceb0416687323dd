# kernel-spec §4.3: poll shows POLLIN while an event waits to be read, as for a fault, and reads
# of several messages at once take the fault first, then the event (userfaultfd_ctx_read).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
poll(u) == 0
spawn t1: munmap(a+3*PAGE, PAGE) = 0
poll(u) == POLLIN
spawn t2: load(a, 1)
read(u, buf, 96) = 64
load(buf, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={address=a}}}
load(buf+32, uffd_msg) == {event=UFFD_EVENT_UNMAP, arg={remove={start=a+3*PAGE, end=a+4*PAGE}}}
join t1
poll(u) == 0
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0
join t2
