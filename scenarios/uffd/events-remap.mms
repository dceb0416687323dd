# kernel-spec §4.7 REMAP: with UFFD_FEATURE_EVENT_REMAP, mremap moving a registered VMA queues
# {from, to, len}, and with EVENT_UNMAP too an UNMAP of the old range follows (observed order);
# the moved VMA stays registered.
requires: uffd
requires: root
# u blocks until the call is done: each event is queued only after the previous one was read,
# so a read waits for it (a non-blocking read could come first on the kernel).
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, b) = b
read(u) == {event=UFFD_EVENT_REMAP, from=a, to=b, len=2*PAGE}
read(u) == {event=UFFD_EVENT_UNMAP, start=a, end=a+2*PAGE}
join t1
vmflags(b) has um
