# kernel-spec §4.7 REMAP, the other side: without EVENT_REMAP the moved VMA is unregistered and no
# REMAP is sent, while EVENT_UNMAP still reports the old range, whose VMA was registered when it
# was unmapped. A move next to the source VMA merges with it first (copy_vma), so the whole merged
# VMA loses its registration (mremap_userfaultfd_prep) and the old range's unmap sends nothing.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 4*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
# b+2*PAGE..b+4*PAGE stays PROT_NONE between the moved VMA and the source: no merge
spawn t1: mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, b) = b
read(u) == {event=UFFD_EVENT_UNMAP, start=a, end=a+2*PAGE}
join t1
read(u) = -1 EAGAIN
vmflags(b) lacks um
# moved next to the source: one VMA, unregistered, and no UNMAP
c = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=c, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
munmap(c+PAGE, PAGE) = 0
mremap(c, PAGE, PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, c+PAGE) = c+PAGE
read(u) = -1 EAGAIN
vmflags(c+PAGE) lacks um
