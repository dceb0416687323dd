# kernel-spec §4.4: a VMA without VM_MAYWRITE (a shared mapping of a descriptor opened read-only)
# cannot be registered: EPERM.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
w = open("f", O_RDWR|O_CREAT, 0600)
ftruncate(w, 2*PAGE) = 0
r = open("f", O_RDONLY, 0)
a = mmap(NULL, 2*PAGE, PROT_READ, MAP_SHARED, r, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = -1 EPERM {ioctls=0}
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = -1 EPERM
# a private mapping of the same descriptor may be written (copy-on-write): it registers
p = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE, r, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=p, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
