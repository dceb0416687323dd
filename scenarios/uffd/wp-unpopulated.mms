# uffd-unit-tests.c "wp-unpopulated" (anon): with UFFD_FEATURE_WP_UNPOPULATED, protecting a
# never-touched page installs a uffd-wp marker (bit 57); unprotecting removes it; a protected
# marker zapped by MADV_DONTNEED is gone; a write after that is an ordinary fault; a read of a
# protected marker maps a page (no shared zero page on this kernel) that keeps the protection.
requires: uffd
requires: root
requires: no-zero-page
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED}) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
pagemap(a, 1) == swapped|uffd_wp
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
pagemap(a, 1) == none
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
madvise(a, PAGE, MADV_DONTNEED) = 0
pagemap(a, 1) == none
store(a, 1, 0x31)
pagemap(a, 1) == present|exclusive
madvise(a, PAGE, MADV_DONTNEED) = 0
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP}) = 0
load(a, 1) == 0
pagemap(a, 1) == present|exclusive|uffd_wp
read(u) = -1 EAGAIN
