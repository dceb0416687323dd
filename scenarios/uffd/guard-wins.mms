# kernel-spec §4.5: guard markers take precedence: an access to a guard page in a registered
# range is SIGSEGV, no message; installing the guard queues no message either.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
madvise(a, PAGE, MADV_GUARD_INSTALL) = 0
read(u) = -1 EAGAIN
load(a, 1) => SIGSEGV SEGV_MAPERR at a
store(a+5, 1, 1) => SIGSEGV SEGV_MAPERR at a+5
read(u) = -1 EAGAIN
pagemap(a, 2) == swapped|guard, none
