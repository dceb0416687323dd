# uffd-unit-tests.c "minor" (shmem): a memfd mapped twice, the MINOR registration on one mapping;
# pages populated through the other do not fault there; a read through the registered mapping of
# a cached page is a MINOR fault (one message per page, no missing faults); the handler changes
# the page through the other mapping, then UFFDIO_CONTINUE maps it (a second CONTINUE: EEXIST).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MINOR_SHMEM}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR}) = 0 {ioctls=0x1bc}
store(alias, 2*PAGE, 0x0f)
read(u) = -1 EAGAIN
spawn t0: load(a, 2)
spawn t1: store(a+PAGE, 1, 0xaa)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_MINOR, address=a}
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_MINOR, address=a+PAGE}
read(u) = -1 EAGAIN
store(alias, 1, 0xf0)
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=2*PAGE}}) = 0 {mapped=8192}
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=PAGE}}) = -1 EEXIST {mapped=-17}
join t0
join t1
load(alias+PAGE, 2) == 0xaa 0x0f
pagemap(a, 2) == present|file*2
