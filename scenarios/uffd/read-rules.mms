# kernel-spec §4.3: read needs room for a whole 32-byte message (a shorter buffer is EINVAL even
# with messages pending) and returns as many whole messages as fit; without messages a
# non-blocking context gives EAGAIN; each fault is reported once although its thread still waits.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
read(u, buf, 32) = -1 EAGAIN
read(u, buf, 31) = -1 EINVAL
spawn t0: load(a, 1)
spawn t1: load(a+PAGE, 1)
spawn t2: load(a+2*PAGE, 1)
read(u, buf, 31) = -1 EINVAL
read(u, buf, 0) = -1 EINVAL
read(u, buf, 70) = 64
load(buf, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={address=a}}}
load(buf+32, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={address=a+PAGE}}}
poll(u) == POLLIN
read(u, buf, PAGE) = 32
load(buf, uffd_msg) == {event=UFFD_EVENT_PAGEFAULT, arg={pagefault={address=a+2*PAGE}}}
poll(u) == 0
read(u) = -1 EAGAIN
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=3*PAGE}}) = 0 {zeropage=12288}
join t0
join t1
join t2
