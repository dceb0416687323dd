# fs/userfaultfd.c new_userfaultfd: the file is read-only and keeps O_NONBLOCK as its one status
# flag (F_GETFL shows no O_CLOEXEC); FIONREAD is not the context's (EINVAL from its ioctl);
# userfaultfd_register_range skips a VMA registered with the modes already; fork without
# UFFD_FEATURE_EVENT_FORK leaves the child unregistered (dup_userfaultfd).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
fcntl(u, F_GETFL, 0) = 2048
v = userfaultfd(0)
fcntl(v, F_GETFL, 0) = 0
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
ioctl(u, FIONREAD, 0) = -1 EINVAL
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
vmflags(a) has um uw
vmas(a, 2*PAGE) == 1
fork() => child
in child: vmflags(a) lacks um
in child: vmflags(a) lacks uw
