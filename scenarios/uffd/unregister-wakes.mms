# kernel-spec §4.4: UNREGISTER wakes the threads waiting on missing faults in the range; they
# retry the fault, which the VMA now serves as any other.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: store(a+PAGE, 2, 0x33)
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+PAGE}
ioctl(u, UFFDIO_UNREGISTER, {start=a, len=2*PAGE}) = 0
join t1
load(a+PAGE, 3) == 0x33 0x33 0
pagemap(a, 2) == none, present|exclusive
