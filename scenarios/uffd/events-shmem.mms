# uffd-unit-tests.c "events" (shmem): as events-anon.mms on a shared memfd mapping: the child's
# registration goes to the context the FORK event hands to the reader (descriptor 5, after the memfd); the child's missing faults
# are served through it, its mremap sends REMAP and its MADV_REMOVE sends REMOVE, after which the
# pages read back as zeros through new missing faults filled with ZEROPAGE.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK|UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_REMOVE}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
b = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x46)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn reader: read(u, buf, 32) = 32
fork() => child
join reader
load(buf, uffd_msg) == {event=UFFD_EVENT_FORK, arg={fork={ufd=5}}}
in child: spawn c1: load(a, 1)
read(5) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a}
ioctl(5, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
join c1
# the page went into the shared file: the parent sees it without a fault
load(a, 1) == 0x46
in child: spawn c2: mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, b) = b
read(5) == {event=UFFD_EVENT_REMAP, from=a, to=b, len=2*PAGE}
join c2
in child: spawn c3: madvise(b, 2*PAGE, MADV_REMOVE) = 0
read(5) == {event=UFFD_EVENT_REMOVE, start=b, end=b+2*PAGE}
join c3
in child: spawn c4: load(b, 1)
read(5) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=b}
ioctl(5, UFFDIO_ZEROPAGE, {range={start=b, len=PAGE}}) = 0 {zeropage=4096}
join c4
in child: load(b, 1) == 0
# the hole was punched in the file both map, and the child's ZEROPAGE put a zeroed page there,
# which the parent maps without a missing fault (the page is in the cache)
pagemap(a, 1) == none
mincore(a, PAGE) == 1
load(a, 1) == 0
