# kernel-spec §4.4/§4.6: a private mapping of a memfd registers MISSING; a fault where the file
# has no page is handed over, and COPY gives the mapping an anonymous page the file does not see.
# A page the file has is no missing fault: it is read from the page cache.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 2*PAGE) = 0
shared = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
store(shared+PAGE, 1, 0x19)
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, m, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x18)
ioctl(u, UFFDIO_REGISTER, {range={start=p, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
load(p+PAGE, 1) == 0x19
spawn t1: load(p, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=p}
ioctl(u, UFFDIO_COPY, {dst=p, src=src, len=PAGE}) = 0 {copy=4096}
join t1
pagemap(p, 2) == present|exclusive, present|file
pagemap(shared, 2) == none, present|file
