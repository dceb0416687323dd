# UFFDIO_WRITEPROTECT's argument rules: WP|DONTWAKE and unknown mode bits are EINVAL, so are an
# unaligned start, an unaligned or zero length; every VMA of the range must be registered in WP
# mode, else ENOENT, and a VMA before the unregistered one has been protected already; holes
# between VMAs are skipped, a range with no VMA at all is ENOENT.
# Source: mm/userfaultfd.c mwriteprotect_range, fs/userfaultfd.c userfaultfd_writeprotect;
# kernel-spec.md §4.6 and its corrections observed on 6.18.44.
requires: uffd
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API})
ioctl(u, UFFDIO_API, buf) = 0
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
c = mmap(r+5*PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
munmap(r, PAGE) = 0
munmap(r+7*PAGE, PAGE) = 0
store(a, 2*PAGE, 1)
store(b, 2*PAGE, 2)
store(buf, uffdio_register{range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_register{range={start=c, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING})
ioctl(u, UFFDIO_REGISTER, buf) = 0
# mode bits
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP|UFFDIO_WRITEPROTECT_MODE_DONTWAKE})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 EINVAL
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=4})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 EINVAL
store(buf, uffdio_writeprotect{range={start=a, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP|8})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 EINVAL
# the range
store(buf, uffdio_writeprotect{range={start=a+1, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 EINVAL
store(buf, uffdio_writeprotect{range={start=a, len=PAGE+1}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 EINVAL
store(buf, uffdio_writeprotect{range={start=a, len=0}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 EINVAL
store(buf, uffdio_writeprotect{range={start=0x7ffffffff000, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 EINVAL
pagemap(a, 2) == present|exclusive
# no VMA at all, a VMA not registered, one registered without WP
store(buf, uffdio_writeprotect{range={start=r, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 ENOENT
store(buf, uffdio_writeprotect{range={start=b, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 ENOENT
store(buf, uffdio_writeprotect{range={start=c, len=PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 ENOENT
pagemap(b, 2) == present|exclusive
# a hole before the registered VMA is skipped
store(buf, uffdio_writeprotect{range={start=r, len=2*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 2) == present|uffd_wp|exclusive, present|exclusive
# from a registered VMA into one that is not: ENOENT after protecting the first
store(buf, uffdio_writeprotect{range={start=a, len=4*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 ENOENT
pagemap(a, 4) == present|uffd_wp|exclusive*2, present|exclusive*2
# unprotecting takes the same path and fails the same way
store(buf, uffdio_writeprotect{range={start=a, len=4*PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = -1 ENOENT
pagemap(a, 4) == present|exclusive
store(a, 2*PAGE, 3)
