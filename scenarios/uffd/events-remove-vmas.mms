# kernel-spec §4.7 REMOVE: one event per VMA of the range, each clipped to its VMA, sent before
# that VMA's pages go; unregistered VMAs send nothing; MADV_DONTNEED_LOCKED and MADV_FREE send it
# too (madvise_dontneed_free calls userfaultfd_remove).
requires: uffd
requires: root
# u blocks until the call is done: each event is queued only after the previous one was read,
# so a read waits for it (a non-blocking read could come first on the kernel).
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE}) = 0
a = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a+4*PAGE, PAGE, 0x11)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a+2*PAGE, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
spawn t1: madvise(a+PAGE, 5*PAGE, MADV_DONTNEED) = 0
read(u) == {event=UFFD_EVENT_REMOVE, start=a+PAGE, end=a+2*PAGE}
read(u) == {event=UFFD_EVENT_REMOVE, start=a+2*PAGE, end=a+4*PAGE}
join t1
fcntl(u, F_SETFL, O_NONBLOCK) = 0
read(u) = -1 EAGAIN
pagemap(a+4*PAGE, 1) == none
spawn t2: madvise(a, PAGE, MADV_DONTNEED_LOCKED) = 0
read(u) == {event=UFFD_EVENT_REMOVE, start=a, end=a+PAGE}
join t2
spawn t3: madvise(a+2*PAGE, PAGE, MADV_FREE) = 0
read(u) == {event=UFFD_EVENT_REMOVE, start=a+2*PAGE, end=a+3*PAGE}
join t3
read(u) = -1 EAGAIN
