# uffd-unit-tests.c "wp-fork" (anon): a write-protected page shows pagemap bit 57; a child forked
# without UFFD_FEATURE_EVENT_FORK sees no bit 57 (its VMA is not registered); removing the
# protection clears the bit, and a later write keeps it clear.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
store(a, 1, 0x21)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
pagemap(a, 1) == present|exclusive|uffd_wp
fork() => child
in child: pagemap(a, 1) == present
in child: vmflags(a) lacks uw
exit(child)
fork() => second
in second: pagemap(a, 1) == present
exit(second)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
pagemap(a, 1) == present|exclusive
store(a, 1, 0x22)
pagemap(a, 1) == present|exclusive
