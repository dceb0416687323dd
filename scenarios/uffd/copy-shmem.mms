# kernel-spec §4.6 COPY on shmem: a page already in the page cache is EEXIST even where this
# mapping has not mapped it; an index at or beyond the file size is EFAULT; a private mapping of
# the memfd gets an anonymous page, which the file does not see.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, m, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x1f)
store(alias, 1, 0x20)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=p, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
pagemap(a, 1) == none
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = -1 EEXIST {copy=-17}
ioctl(u, UFFDIO_COPY, {dst=a+2*PAGE, src=src, len=PAGE}) = -1 EFAULT {copy=-14}
ioctl(u, UFFDIO_COPY, {dst=p+PAGE, src=src, len=PAGE}) = 0 {copy=4096}
pagemap(p, 2) == none, present|exclusive
load(p+PAGE, 1) == 0x1f
# (a read through the alias would allocate the page in the page cache: pagemap looks instead)
pagemap(alias, 2) == present|file|exclusive, none
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE}) = 0 {copy=4096}
load(alias+PAGE, 1) == 0x1f
