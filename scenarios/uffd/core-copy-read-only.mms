# mm/userfaultfd.c mfill_atomic_install_pte: COPY into a read-only private VMA maps an exclusive
# page without write access (a store is SEGV_ACCERR until mprotect allows it); ZEROPAGE maps the
# shared zero page, not exclusive, even on a kernel whose read faults do not get it.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
a = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, 1, 0x11)
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0
load(a, 1) == 0x11
pagemap(a, 1) == present|exclusive
store(a, 1, 0x22) => SIGSEGV SEGV_ACCERR at a
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
store(a, 1, 0x22)
pagemap(a, 1) == present|exclusive
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0
pagemap(a+PAGE, 1) == present
