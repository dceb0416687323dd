# kernel-spec §4.6 CONTINUE with its 6.18 correction: on anon it is EINVAL; on shmem registered
# MISSING only it still maps the cached page; no page in the cache is EFAULT; an already mapped
# page is EEXIST; an unknown mode bit is EINVAL.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
anon = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=anon, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_CONTINUE, {range={start=anon, len=PAGE}}) = -1 EINVAL
m = memfd_create("shm", 0)
ftruncate(m, 4*PAGE) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
store(alias, 1, 0x61)
store(alias+PAGE, 1, 0x62)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=PAGE}, mode=4}) = -1 EINVAL
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=PAGE}}) = 0 {mapped=4096}
load(a, 1) == 0x61
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=PAGE}}) = -1 EEXIST {mapped=-17}
ioctl(u, UFFDIO_CONTINUE, {range={start=a+2*PAGE, len=PAGE}}) = -1 EFAULT {mapped=-14}
ioctl(u, UFFDIO_CONTINUE, {range={start=a+PAGE, len=2*PAGE}}) = -1 EAGAIN {mapped=4096}
load(a+PAGE, 1) == 0x62
