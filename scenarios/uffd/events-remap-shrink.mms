# kernel-spec §4.7 REMAP and UNMAP of a move that also shrinks: the tail is unmapped first, but
# mremap sends REMAP {from, to, len} (len the new length) before the UNMAPs, the tail's then the
# old range's (mm/mremap.c: uf, then uf_unmap); clearing the unregistered destination sends
# nothing. An in-place shrink sends only the tail's UNMAP; an in-place growth sends nothing.
requires: uffd
requires: root
# u blocks until the call is done: each event is queued only after the previous one was read,
# so a read waits for it (a non-blocking read could come first on the kernel).
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 4*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: mremap(a, 4*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, b) = b
read(u) == {event=UFFD_EVENT_REMAP, from=a, to=b, len=2*PAGE}
read(u) == {event=UFFD_EVENT_UNMAP, start=a+2*PAGE, end=a+4*PAGE}
read(u) == {event=UFFD_EVENT_UNMAP, start=a, end=a+2*PAGE}
join t1
fcntl(u, F_SETFL, O_NONBLOCK) = 0
read(u) = -1 EAGAIN
vmflags(b) has um
spawn t2: mremap(b, 2*PAGE, PAGE, 0, 0) = b
read(u) == {event=UFFD_EVENT_UNMAP, start=b+PAGE, end=b+2*PAGE}
join t2
mremap(b, PAGE, 2*PAGE, 0, 0) = b
read(u) = -1 EAGAIN
