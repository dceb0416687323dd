# uffd-unit-tests.c "sigbus" (anon), its second pass: a child forked with EVENT_FORK and
# UFFD_FEATURE_SIGBUS keeps the registration under a new context with the same features, so
# every missing fault of the child raises SIGBUS and no message reaches either context.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_SIGBUS|UFFD_FEATURE_EVENT_FORK}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x5c)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0
spawn reader: read(u, buf, 32) = 32
fork() => child
join reader
load(buf, uffd_msg) == {event=UFFD_EVENT_FORK, arg={fork={ufd=4}}}
in child: load(a, 1) == 0x5c
in child: load(a+PAGE, 1) => SIGBUS BUS_ADRERR at a+PAGE
in child: store(a+2*PAGE, 1, 1) => SIGBUS BUS_ADRERR at a+2*PAGE
in child: spawn c1: load(a+3*PAGE, 1) => SIGBUS BUS_ADRERR at a+3*PAGE
join c1
poll(4) == POLLERR
ioctl(4, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE}) = 0 {copy=4096}
in child: load(a+PAGE, 1) == 0x5c
load(a+PAGE, 1) => SIGBUS BUS_ADRERR at a+PAGE
