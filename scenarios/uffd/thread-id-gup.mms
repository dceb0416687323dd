# kernel-spec §4.3 THREAD_ID for a fault the kernel takes on a thread's behalf: MADV_POPULATE_READ
# and a read() into a registered page fault through GUP and copy_to_user in the calling thread, so
# the message names that thread (userfault_msg: task_pid_vnr(current)), as for its own access.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_THREAD_ID}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
m = memfd_create("f", 0)
ftruncate(m, PAGE) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
spawn populate: madvise(a, PAGE, MADV_POPULATE_READ) = 0
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=0, address=a, ptid=populate}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0
join populate
spawn reader: read(m, a+PAGE, 16) = 16
read(u) == {event=UFFD_EVENT_PAGEFAULT, flags=UFFD_PAGEFAULT_FLAG_WRITE, address=a+PAGE, ptid=reader}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0
join reader
