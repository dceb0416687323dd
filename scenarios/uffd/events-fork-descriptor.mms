# kernel-spec §4.7 FORK: the child's context is installed in the reader's descriptor table when
# the event is read (resolve_userfault_fork), read-only (F_GETFL 0, as observed) with the parent context's O_NONBLOCK and
# O_CLOEXEC, at the lowest free number; the child's table does not have it (it was copied before).
# A context with no registrations in the forking process sends no FORK. (The reader's descriptor
# must block: a non-blocking read before the fork would find nothing and leave the fork waiting.)
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK}) = 0
v = userfaultfd(O_NONBLOCK)
ioctl(v, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
close(4) = 0
spawn reader: read(u, buf, 32) = 32
fork() => child
join reader
load(buf, uffd_msg) == {event=UFFD_EVENT_FORK, arg={fork={ufd=4}}}
fcntl(4, F_GETFL, 0) = 0
fcntl(4, F_GETFD, 0) = 1
in child: fcntl(4, F_GETFD, 0) = -1 EBADF
in child: vmflags(a) has um
# the child's context: its own registrations, nothing pending
poll(4) == POLLERR
ioctl(4, UFFDIO_UNREGISTER, {start=a, len=PAGE}) = 0
in child: vmflags(a) lacks um
in child: vmflags(a+PAGE) has um
# closing the child's context unregisters the child's VMAs
close(4) = 0
in child: vmflags(a+PAGE) lacks um
vmflags(a) has um
