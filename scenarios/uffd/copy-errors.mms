# kernel-spec §4.6 COPY: dst or len unaligned, len 0, an unknown mode bit are EINVAL; MODE_WP on
# a VMA not registered for WP is EINVAL; a dst that is not registered, not mapped or not inside
# one registered VMA is ENOENT; a present dst page is EEXIST; an unreadable src is EFAULT. The
# src need not be page aligned.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 3*PAGE, 0x3c)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_COPY, {dst=a+1, src=src, len=PAGE}) = -1 EINVAL
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE+1}) = -1 EINVAL
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=0}) = -1 EINVAL
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE, mode=4}) = -1 EINVAL
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_WP}) = -1 EINVAL
ioctl(u, UFFDIO_COPY, {dst=a+3*PAGE, src=src, len=PAGE}) = -1 ENOENT {copy=-2}
ioctl(u, UFFDIO_COPY, {dst=a+2*PAGE, src=src, len=2*PAGE}) = -1 ENOENT
ioctl(u, UFFDIO_COPY, {dst=src, src=a, len=PAGE}) = -1 ENOENT
ioctl(u, UFFDIO_COPY, {dst=a, src=0x10000, len=PAGE}) = -1 EFAULT {copy=-14}
ioctl(u, UFFDIO_COPY, {dst=a, src=src+7, len=PAGE}) = 0 {copy=4096}
load(a, 2) == 0x3c 0x3c
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = -1 EEXIST {copy=-17}
munmap(a+3*PAGE, PAGE) = 0
ioctl(u, UFFDIO_COPY, {dst=a+3*PAGE, src=src, len=PAGE}) = -1 ENOENT
