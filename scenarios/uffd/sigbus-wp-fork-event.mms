# uffd-unit-tests.c "sigbus-wp" (anon), its second pass: a child forked with EVENT_FORK keeps the
# MISSING|WP registration and the uffd-wp bit of pages copied with MODE_WP, and under the SIGBUS
# feature its writes to them raise SIGBUS, with no message, until the child's context lifts the
# protection.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_SIGBUS|UFFD_FEATURE_EVENT_FORK}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x5d)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_WP}) = 0 {copy=4096}
spawn reader: read(u, buf, 32) = 32
fork() => child
join reader
in child: pagemap(a, 1) == present|uffd_wp
in child: load(a, 1) == 0x5d
in child: store(a, 1, 1) => SIGBUS BUS_ADRERR at a
in child: load(a+PAGE, 1) => SIGBUS BUS_ADRERR at a+PAGE
poll(4) == POLLERR
ioctl(4, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
in child: store(a, 1, 1)
in child: load(a, 2) == 1 0x5d
# the parent's page is still protected
store(a, 1, 1) => SIGBUS BUS_ADRERR at a
