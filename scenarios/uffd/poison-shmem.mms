# uffd-unit-tests.c "poison" (shmem): the same on a shared memfd: a poisoned page raises SIGBUS
# (BUS_ADRERR) in this mapping only; the page cache holds no page for it.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
zeros = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(zeros, PAGE, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
spawn t0: load(a, 1) => SIGBUS BUS_ADRERR at a
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a}
ioctl(u, UFFDIO_POISON, {range={start=a, len=PAGE}}) = 0 {updated=4096}
join t0
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=zeros, len=PAGE}) = 0 {copy=4096}
pagemap(a, 2) == swapped, present|file|exclusive
load(a+PAGE, 1) == 0
pagemap(alias, 2) == none*2
load(alias, 1) == 0
