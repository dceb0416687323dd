# kernel-spec §4.2: requesting UFFD_FEATURE_WP_ASYNC enables WP_UNPOPULATED too: protecting a
# never-touched anonymous page installs a marker (bit 57), and a write to it resolves itself (no
# message, bit 57 cleared). Without either feature the empty page stays empty.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_ASYNC}) = 0
n = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(n, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
ioctl(n, UFFDIO_REGISTER, {range={start=b, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
ioctl(n, UFFDIO_WRITEPROTECT, {range={start=b, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
pagemap(a, 2) == swapped|uffd_wp*2
pagemap(b, 1) == none
store(a+PAGE, 1, 0x7a)
pagemap(a, 2) == swapped|uffd_wp, present|exclusive
read(u) = -1 EAGAIN
