# kernel-spec §4.6 mmap_changing, ioctl by ioctl: while an UNMAP event is in flight COPY,
# ZEROPAGE, CONTINUE, POISON and MOVE are EAGAIN before they read their struct, with -EAGAIN in
# its result field; WRITEPROTECT is EAGAIN without writing anything; WAKE, REGISTER and UNREGISTER
# are not affected (fs/userfaultfd.c checks ctx->mmap_changing only in the first six).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x31)
store(s, 1, 0x32)
madvise(s, PAGE, MADV_DONTNEED) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=s, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR}) = 0
spawn t1: munmap(a+3*PAGE, PAGE) = 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = -1 EAGAIN {copy=-11}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = -1 EAGAIN {zeropage=-11}
ioctl(u, UFFDIO_CONTINUE, {range={start=s, len=PAGE}}) = -1 EAGAIN {mapped=-11}
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}}) = -1 EAGAIN {updated=-11}
ioctl(u, UFFDIO_MOVE, {dst=a, src=src, len=PAGE}) = -1 EAGAIN {move=-11}
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = -1 EAGAIN
# the struct is not even read: garbage gives EAGAIN too
ioctl(u, UFFDIO_COPY, {dst=a+1, src=src, len=3}) = -1 EAGAIN
ioctl(u, UFFDIO_WAKE, {start=a, len=PAGE}) = 0
ioctl(u, UFFDIO_UNREGISTER, {start=a+2*PAGE, len=PAGE}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a+2*PAGE, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
read(u) == {event=UFFD_EVENT_UNMAP, start=a+3*PAGE, end=a+4*PAGE}
join t1
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
ioctl(u, UFFDIO_CONTINUE, {range={start=s, len=PAGE}}) = 0 {mapped=4096}
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
load(a, 1) == 0x31
