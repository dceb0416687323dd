# kernel-spec §4.7 UNMAP: mmap with MAP_FIXED over a registered range unmaps it first and sends
# UNMAP for the new mapping's range; the new mapping is not registered.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: mmap(a+PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+PAGE
poll(u) == POLLIN
read(u) == {event=UFFD_EVENT_UNMAP, start=a+PAGE, end=a+3*PAGE}
join t1
vmflags(a+PAGE) lacks um
vmflags(a) has um
poll(u) == 0
