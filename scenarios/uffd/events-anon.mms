# uffd-unit-tests.c "events" (anon): with EVENT_FORK, EVENT_REMAP and EVENT_REMOVE, a forked child's
# registration goes to a new context that the FORK event hands to the reader (kernel-spec §4.7);
# the child's missing faults, its mremap (REMAP) and its MADV_DONTNEED (REMOVE) arrive there, and
# the parent resolves them through it. The forking thread cannot read its own event, so a thread
# reads it; descriptors are numbered alike on both backends, so the new context is descriptor 4.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK|UFFD_FEATURE_EVENT_REMAP|UFFD_FEATURE_EVENT_REMOVE}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, 4*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x44)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn reader: read(u, buf, 32) = 32
fork() => child
join reader
load(buf, uffd_msg) == {event=UFFD_EVENT_FORK, arg={fork={}}}
in child: vmflags(a) has um
# the first half faults in the child and is served through the child's context
in child: spawn c1: load(a, 1)
read(4) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a}
ioctl(4, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
join c1
# the child moves the area: REMAP, and the moved VMA stays registered
in child: spawn c2: mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, b) = b
read(4) == {event=UFFD_EVENT_REMAP, from=a, to=b, len=4*PAGE}
join c2
in child: vmflags(b) has um
in child: spawn c3: load(b+2*PAGE, 1)
read(4) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=b+2*PAGE}
ioctl(4, UFFDIO_ZEROPAGE, {range={start=b+2*PAGE, len=PAGE}}) = 0 {zeropage=4096}
join c3
# the child releases pages: REMOVE
in child: spawn c4: madvise(b, 4*PAGE, MADV_DONTNEED) = 0
read(4) == {event=UFFD_EVENT_REMOVE, start=b, end=b+4*PAGE}
join c4
in child: pagemap(b, 4) == none*4
# the parent's own area is untouched by all of it
pagemap(a, 4) == none*4
vmflags(a) has um
