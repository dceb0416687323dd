# kernel-spec §4.6 COPY (observed on 6.18): a poison marker and a guard marker are overwritten by
# COPY, while ZEROPAGE and POISON need a strictly empty PTE.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x6d)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}}) = 0 {updated=4096}
madvise(a+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
pagemap(a, 2) == swapped, swapped|guard
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = -1 EEXIST
ioctl(u, UFFDIO_POISON, {range={start=a+PAGE, len=PAGE}}) = -1 EEXIST {updated=-17}
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE}) = 0 {copy=4096}
load(a, 1) == 0x6d
load(a+PAGE, 1) == 0x6d
pagemap(a, 2) == present|exclusive*2
