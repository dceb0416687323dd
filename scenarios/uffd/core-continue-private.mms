# MINOR faults on a private mapping of shmem (shmem_get_folio_gfp): CONTINUE maps the cached page
# read-only (page_in_cache && !VM_SHARED), and a store then copies it; a write fault on another
# cached page is a MINOR fault too, which COPY may answer with an anonymous page, leaving the
# cache alone.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, m, 0)
alias = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR}) = 0
store(alias, 2*PAGE, 0x0f)
spawn t0: load(a, 2)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_MINOR, address=a}
ioctl(u, UFFDIO_CONTINUE, {range={start=a, len=PAGE}}) = 0
join t0
pagemap(a, 1) == present|file
store(a, 1, 0x44)
pagemap(a, 1) == present|exclusive
load(alias, 1) == 0x0f
spawn t1: store(a+PAGE, 1, 0x55)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_MINOR, address=a+PAGE}
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE}) = 0
join t1
load(a+PAGE, 2) == 0x55 0
load(alias+PAGE, 1) == 0x0f
pagemap(a+PAGE, 1) == present|exclusive
