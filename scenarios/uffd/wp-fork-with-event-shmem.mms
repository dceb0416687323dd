# uffd-unit-tests.c "wp-fork-with-event" (shmem): with UFFD_FEATURE_EVENT_FORK the child keeps
# uffd-wp on a shared memfd page, and after MADV_DONTNEED the uffd-wp marker, which fork copies
# to the child as the VMA is registered (kernel-spec §5: fork copies markers of uffd-wp VMAs).
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_EVENT_FORK}) = 0
m = memfd_create("shm", 0)
ftruncate(m, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, m, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
store(a, 1, 0x21)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
spawn r1: read(u, buf, 32) = 32
fork() => child
join r1
in child: pagemap(a, 1) == present|file|uffd_wp
exit(child)
madvise(a, PAGE, MADV_DONTNEED) = 0
pagemap(a, 1) == swapped|uffd_wp
spawn r2: read(u, buf, 32) = 32
fork() => second
join r2
in second: pagemap(a, 1) == swapped|uffd_wp
exit(second)
