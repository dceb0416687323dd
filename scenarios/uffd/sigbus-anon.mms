# uffd-unit-tests.c "sigbus" (anon), its first pass: with UFFD_FEATURE_SIGBUS a missing fault
# queues no message but raises SIGBUS (kernel-spec §4.5); the handler fills the page with COPY
# and the retried access works. (The selftest's second pass, in a child: sigbus-fork-event.mms.)
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_SIGBUS}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x5b)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
load(a, 1) => SIGBUS BUS_ADRERR at a
store(a+PAGE+3, 1, 1) => SIGBUS BUS_ADRERR at a+PAGE+3
spawn t1: load(a+2*PAGE, 1) => SIGBUS BUS_ADRERR at a+2*PAGE
read(u) = -1 EAGAIN
poll(u) == 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
load(a, 1) == 0x5b
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0
store(a+PAGE+3, 1, 1)
pagemap(a, 4) == present|exclusive*2, none*2
