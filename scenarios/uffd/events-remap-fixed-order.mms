# kernel-spec §4.7 order of one mremap's events: MREMAP_FIXED clears a registered destination
# first, and its UNMAP comes first (uf_unmap_early), then REMAP, then the UNMAP of the old range.
requires: uffd
requires: root
# u blocks until the call is done: each event is queued only after the previous one was read,
# so a read waits for it (a non-blocking read could come first on the kernel).
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
gap = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=b, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, b) = b
read(u) == {event=UFFD_EVENT_UNMAP, start=b, end=b+2*PAGE}
read(u) == {event=UFFD_EVENT_REMAP, from=a, to=b, len=2*PAGE}
read(u) == {event=UFFD_EVENT_UNMAP, start=a, end=a+2*PAGE}
join t1
fcntl(u, F_SETFL, O_NONBLOCK) = 0
read(u) = -1 EAGAIN
maps(b) == b..b+2*PAGE rw-p
vmflags(b) has um
