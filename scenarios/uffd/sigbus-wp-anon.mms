# uffd-unit-tests.c "sigbus-wp" (anon), its first pass: with UFFD_FEATURE_SIGBUS and a MISSING|WP
# registration, pages copied with MODE_WP raise SIGBUS on a write (no message; kernel-anchors §6:
# SIGBUS takes every synchronous fault, WP ones too) until WRITEPROTECT mode 0 lifts the protection.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_SIGBUS}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x5c)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING|UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
load(a, 1) => SIGBUS BUS_ADRERR at a
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE, mode=UFFDIO_COPY_MODE_WP}) = 0 {copy=4096}
load(a, 1) == 0x5c
store(a, 1, 1) => SIGBUS BUS_ADRERR at a
read(u) = -1 EAGAIN
ioctl(u, UFFDIO_WRITEPROTECT, {range={start=a, len=PAGE}, mode=0}) = 0
store(a, 1, 1)
load(a, 2) == 1 0x5c
