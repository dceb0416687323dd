# uffd-unit-tests.c "wp-fork-with-event" (anon): as "wp-fork", with UFFD_FEATURE_EVENT_FORK: a reader
# thread takes the FORK event, and the child keeps the uffd-wp bit (pagemap bit 57) of the
# write-protected page (kernel-spec §4.7/§4.8).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK}) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
store(a, 1, 0x21)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
pagemap(a, 1) == present|exclusive|uffd_wp
spawn reader: read(u, buf, 32) = 32
fork() => child
join reader
load(buf, uffd_msg) == {event=UFFD_EVENT_FORK, arg={fork={}}}
in child: pagemap(a, 1) == present|uffd_wp
in child: vmflags(a) has uw
exit(child)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
pagemap(a, 1) == present|exclusive
