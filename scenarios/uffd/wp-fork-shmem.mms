# uffd-unit-tests.c "wp-fork" (shmem): on a shared memfd a write-protected page shows bit 57, a
# child forked without EVENT_FORK does not; zapping the page (MADV_DONTNEED) leaves a uffd-wp
# marker (bit 57 stays, kernel-spec §4.8), which a child again does not see; removing the
# protection clears it, and a write keeps it clear.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
m = memfd_create("shm", 0)
ftruncate(m, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
store(a, 1, 0x21)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
pagemap(a, 1) == present|file|exclusive|uffd_wp
fork() => child
in child: pagemap(a, 1) == none
exit(child)
madvise(a, PAGE, MADV_DONTNEED) = 0
pagemap(a, 1) == swapped|uffd_wp
fork() => second
in second: pagemap(a, 1) == none
exit(second)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
pagemap(a, 1) == none
store(a, 1, 0x22)
pagemap(a, 1) == present|file|exclusive
