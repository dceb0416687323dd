# kernel-spec §4.7 UNMAP: the event names the whole range munmap was given, not the registered part
# of it, and one context gets one event for it however many of its VMAs the range meets
# (userfaultfd_unmap_prep's has_unmap_ctx); unregistered VMAs send nothing.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a+PAGE, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a+2*PAGE, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
vmas(a, 6*PAGE) == 4
spawn t1: munmap(a, 5*PAGE) = 0
read(u) == {event=UFFD_EVENT_UNMAP, start=a, end=a+5*PAGE}
join t1
read(u) = -1 EAGAIN
# nothing registered, nothing sent
munmap(a+5*PAGE, PAGE) = 0
read(u) = -1 EAGAIN
