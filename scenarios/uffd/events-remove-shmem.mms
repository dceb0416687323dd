# kernel-spec §4.7 REMOVE on shmem: MADV_REMOVE (hole punch) sends it, MADV_DONTNEED too; MADV_FREE
# on a shared mapping sends it and then fails with EINVAL (the check that it is anonymous comes
# after userfaultfd_remove).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE}) = 0
m = memfd_create("shm", 0)
ftruncate(m, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
store(s, 4*PAGE, 0x5a)
ioctl(u, UFFDIO_REGISTER, {range={start=s, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: madvise(s, 2*PAGE, MADV_REMOVE) = 0
read(u) == {event=UFFD_EVENT_REMOVE, start=s, end=s+2*PAGE}
join t1
pagemap(s, 2) == none*2
mincore(s, 4*PAGE) == 0*2 1*2
spawn t2: madvise(s+2*PAGE, PAGE, MADV_DONTNEED) = 0
read(u) == {event=UFFD_EVENT_REMOVE, start=s+2*PAGE, end=s+3*PAGE}
join t2
mincore(s, 4*PAGE) == 0*2 1*2
spawn t3: madvise(s+3*PAGE, PAGE, MADV_FREE) = -1 EINVAL
read(u) == {event=UFFD_EVENT_REMOVE, start=s+3*PAGE, end=s+4*PAGE}
join t3
read(u) = -1 EAGAIN
