# UFFDIO_COPY installs a dirty PTE (mfill_atomic_install_pte: pte_mkdirty), so a page filled
# after clear_refs 4 is soft-dirty; UFFDIO_ZEROPAGE maps the zero page clean.
# Source: mm/userfaultfd.c mfill_atomic_install_pte, mfill_atomic_pte_zeropage.
requires: soft-dirty, uffd, root
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
src = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(src, PAGE, 0x5a)
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
write(cr, "4", 1) = 1
pagemap(a, 2) == none*2
ioctl(u, UFFDIO_COPY, {dst=a, src=src, len=PAGE}) = 0 {copy=4096}
ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = 0 {zeropage=4096}
pagemap(a, 2) == present|exclusive|soft_dirty, present
load(a, 1) == 0x5a
