# UFFDIO_WRITEPROTECT leaves guard markers alone, in both directions, also with WP_UNPOPULATED:
# the guard page still raises SIGSEGV and pagemap still shows only the guard bit.
# Source: mm/mprotect.c change_pte_range (guard entries skipped); kernel-spec.md §4.6, §7.
requires: uffd
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
store(buf, uffdio_api{api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED})
ioctl(u, UFFDIO_API, buf) = 0
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
madvise(a+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
store(buf, uffdio_register{range={start=a, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_WP})
ioctl(u, UFFDIO_REGISTER, buf) = 0
store(buf, uffdio_writeprotect{range={start=a, len=3*PAGE}, mode=UFFDIO_WRITEPROTECT_MODE_WP})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 3) == present|uffd_wp|exclusive, swapped|guard, swapped|uffd_wp
load(a+PAGE, 1) => SIGSEGV SEGV_MAPERR at a+PAGE
store(buf, uffdio_writeprotect{range={start=a, len=3*PAGE}, mode=0})
ioctl(u, UFFDIO_WRITEPROTECT, buf) = 0
pagemap(a, 3) == present|exclusive, swapped|guard, none
store(a+PAGE, 1, 1) => SIGSEGV SEGV_MAPERR at a+PAGE
