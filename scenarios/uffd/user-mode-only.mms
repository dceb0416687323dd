# kernel-spec §4.5: with UFFD_USER_MODE_ONLY, faults the kernel takes on user memory (a pread into
# a registered page, copy_to_user) are not handed to the context: the call fails with EFAULT and
# no message is queued; the same page faulted by user space is handed over as usual.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
m = memfd_create("data", 0)
ftruncate(m, PAGE) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
pread(m, a, 16, 0) = -1 EFAULT
read(m, a+PAGE, 16) = -1 EFAULT
read(u) = -1 EAGAIN
spawn t1: load(a, 1)
read(u) == {event=UFFD_EVENT_PAGEFAULT, address=a}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0
join t1
pread(m, a, 16, 0) = 16
