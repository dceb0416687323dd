# kernel-spec §4.6 COPY: a uffd-wp marker (left on a shmem page zapped while protected) is
# overwritten like an empty PTE; ZEROPAGE and POISON, which need a strictly empty PTE, are EEXIST.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, m, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x0c)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
pagemap(a, 2) == swapped|uffd_wp*2
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = -1 EEXIST
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}}) = -1 EEXIST
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
pagemap(a, 2) == present|exclusive, swapped|uffd_wp
load(a, 1) == 0x0c
