# kernel-spec §4.6 WAKE: the range is validated (unaligned or length 0: EINVAL); waking a range
# where nobody waits succeeds; WAKE after a COPY with DONTWAKE lets only the threads of its range go.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x57)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_WAKE, {start=a, len=0}) = -1 EINVAL
ioctl(u, UFFDIO_WAKE, {start=a+1, len=PAGE}) = -1 EINVAL
ioctl(u, UFFDIO_WAKE, {start=a, len=PAGE+1}) = -1 EINVAL
ioctl(u, UFFDIO_WAKE, {start=a, len=2*PAGE}) = 0
spawn t0: load(a, 1)
spawn t1: load(a+PAGE, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a}
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a+PAGE}
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_DONTWAKE}) = 0
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_DONTWAKE}) = 0
ioctl(u, UFFDIO_WAKE, {start=a, len=PAGE}) = 0
join t0
ioctl(u, UFFDIO_WAKE, {start=a+PAGE, len=PAGE}) = 0
join t1
