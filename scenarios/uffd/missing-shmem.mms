# kernel-spec §4.5 and §4.6 COPY on shmem: a MISSING fault on a shared memfd page whose page is
# not in the page cache queues a message; UFFDIO_COPY puts a page into the page cache, so a
# second, unregistered mapping of the memfd sees the bytes too.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x5a)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
spawn t1: load(a, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a}
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
join t1
load(alias, 1) == 0x5a
# the page is now in the page cache: another COPY of it is EEXIST
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = -1 EEXIST {copy=-17}
# a page written through the alias is in the page cache: an access through a finds it, no message
store(alias+PAGE, 1, 0x77)
load(a+PAGE, 1) == 0x77
read(u) = -1 EAGAIN
