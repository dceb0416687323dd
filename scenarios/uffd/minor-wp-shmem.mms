# uffd-unit-tests.c "minor-wp" (shmem): as "minor", the registration MINOR|WP and CONTINUE with
# MODE_WP maps the pages write-protected (pagemap bit 57); a write is then a WP fault, resolved by
# WRITEPROTECT mode 0.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_MINOR_SHMEM|UFFD_FEATURE_WP_HUGETLBFS_SHMEM}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
alias = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x1fc}
store(alias, 2*PAGE, 0x0f)
spawn t0: load(a+PAGE, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_MINOR, address=a+PAGE}
store(alias+PAGE, 1, 0xf0)
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=2*PAGE}, mode=UFFDIO_CONTINUE_MODE_WP}) = 0 {mapped=8192}
join t0
pagemap(a, 2) == present|file|uffd_wp*2
spawn t1: store(a, 1, 0x11)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a}
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
join t1
load(alias, 1) == 0x11
pagemap(a, 2) == present|file, present|file|uffd_wp
