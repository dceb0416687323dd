# kernel-spec §4.6: COPY with MODE_DONTWAKE fills the page but leaves the faulting thread waiting;
# UFFDIO_WAKE of the range then lets it finish with the copied bytes.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x2d)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: load(a+PAGE, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a+PAGE}
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_DONTWAKE}) = 0 {copy=4096}
load(a+PAGE, 1) == 0x2d
ioctl(u, UFFDIO_WAKE, {start=a+PAGE, len=PAGE}) = 0
join t1
