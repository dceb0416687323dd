# uffd-unit-tests.c "wp-fork" (anon), the zap step: MADV_PAGEOUT swaps the write-protected page
# out and the swap entry keeps uffd-wp (pagemap swapped|uffd_wp, kernel-spec §4.8); a child forked
# without EVENT_FORK still sees no bit 57.
requires: uffd
requires: root
requires: swap
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
store(a, 1, 0x21)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 1) == swapped|uffd_wp
fork() => child
in child: pagemap(a, 1) == swapped
exit(child)
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
pagemap(a, 1) == swapped
load(a, 1) == 0x21
