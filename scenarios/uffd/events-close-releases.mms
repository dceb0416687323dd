# kernel-spec §4.3/§4.7: a thread waiting for its event to be read goes on when the context is
# closed (userfaultfd_release wakes event_wqh and userfaultfd_event_wait_completion sees released);
# afterwards the context sends nothing, and its registrations are gone.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_REMOVE|UFFD_FEATURE_EVENT_UNMAP}) = 0
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=4*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn t1: munmap(a+3*PAGE, PAGE) = 0
close(u) = 0
join t1
maps(a+3*PAGE) == none
vmflags(a) lacks um
madvise(a, PAGE, MADV_DONTNEED) = 0
munmap(a, PAGE) = 0
