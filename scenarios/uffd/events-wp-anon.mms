# uffd-unit-tests.c "events-wp" (anon): as "events", with a MISSING|WP registration: the child's
# missing faults are filled with COPY MODE_WP through the context the FORK event gave, its write
# then faults again as a WP fault (flags WRITE|WP), resolved by WRITEPROTECT mode 0.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK|UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_REMOVE}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x45)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
spawn reader: read(u, buf, 32) = 32
fork() => child
join reader
in child: spawn c1: store(a+PAGE, 1, 0x46)
read(4) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+PAGE}
ioctl(4, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_WP}) = 0 {copy=4096}
read(4) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE|UFFD_PAGEFAULT_FLAG_WP, address=a+PAGE}
ioctl(4, UFFDIO_WRITEPROTECT, {range={start=a+PAGE, len=PAGE}, mode=0}) = 0
join c1
in child: load(a+PAGE, 2) == 0x46 0x45
in child: pagemap(a+PAGE, 1) == present|exclusive
