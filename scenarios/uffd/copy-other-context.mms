# kernel-spec §4.6, as 6.18 behaves: the fill ioctls check that the destination VMA is registered
# with a context, not with theirs (mm/userfaultfd.c validate_dst_vma looks only at
# vm_userfaultfd_ctx.ctx), so a second context of the same process can fill a range registered
# with the first; but it wakes only its own waiters, so the faulting thread waits until the first
# context wakes it. An unregistered range stays ENOENT for both.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
v = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(v, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x0d)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: load(a, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a}
read(v) = -1 EAGAIN
ioctl(v, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
ioctl(v, UFFDIO_WAKE, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_WAKE, {start=a, len=PAGE}) = 0
join t1
ioctl(v, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0 {zeropage=4096}
ioctl(v, UFFDIO_POISON, {range={start=a+2*PAGE, len=PAGE}}) = 0 {updated=4096}
pagemap(a, 4) == present|exclusive, present, swapped, none
ioctl(v, UFFDIO_COPY, {dst=a+3*PAGE, src=src, len=PAGE}) = -1 ENOENT {copy=-2}
ioctl(u, UFFDIO_COPY, {dst=a+3*PAGE, src=src, len=PAGE}) = -1 ENOENT {copy=-2}
