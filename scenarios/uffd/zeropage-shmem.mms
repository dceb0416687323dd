# uffd-unit-tests.c "zeropage" (shmem): ZEROPAGE on a shared memfd allocates a zeroed page-cache
# page, which the alias mapping sees; repeating it through the alias's page is EEXIST.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0 {ioctls=0x13c}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0 {zeropage=4096}
load(alias, 8) == 0
pagemap(a, 2) == present|file, none
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = -1 EEXIST {zeropage=-17}
