# kernel-spec §4.4/§4.5: MAP_SHARED|MAP_ANONYMOUS is shmem: a missing fault is handed over and
# COPY puts the page in its page cache, which a forked child (sharing the mapping, not registered
# there) then sees.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x3e)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: store(a+PAGE, 1, 0x3f)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+PAGE}
ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=src, len=PAGE}) = 0 {copy=4096}
join t1
fork() => child
in child: vmflags(a) lacks um
in child: load(a+PAGE, 2) == 0x3f 0x3e
in child: store(a, 1, 0x40)
load(a, 1) == 0x40
read(u) = -1 EAGAIN
