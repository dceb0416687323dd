# kernel-spec §4.7 REMAP with MREMAP_DONTUNMAP: the REMAP is sent, no UNMAP (nothing is unmapped),
# and both the moved VMA and the emptied old one stay registered.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x77)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0
spawn t1: mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, b) = b
read(u) == {event=UFFD_EVENT_REMAP, from=a, to=b, len=2*PAGE}
join t1
read(u) = -1 EAGAIN
vmflags(a) has um
vmflags(b) has um
pagemap(a, 1) == none
pagemap(b, 1) == present|exclusive
