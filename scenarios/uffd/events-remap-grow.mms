# kernel-spec §4.7 REMAP of a move that grows: len is the old length (mremap_userfaultfd_complete
# gets old_len); without EVENT_UNMAP the old range's unmap sends nothing.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMAP}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 4*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: mremap(a, 2*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, b) = b
read(u) == {event=UFFD_EVENT_REMAP, from=a, to=b, len=2*PAGE}
join t1
read(u) = -1 EAGAIN
vmflags(b) has um
vmflags(b+3*PAGE) has um
