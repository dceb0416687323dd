# A poison marker (UFFDIO_POISON) in a private mapping of a memfd is zapped as a private copy is
# (zap_nonpresent_ptes: should_zap_cows): a hole punch leaves it, a truncation removes it, here
# one that another process's open(O_TRUNC) makes.
# Found by mmkit fuzz --seed 2205684974 --ops 300 (the child opened the inherited memfd with O_TRUNC).
requires: root
requires: uffd
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
uf = userfaultfd(O_CLOEXEC|O_NONBLOCK)
ioctl(uf, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_POISON})
m = memfd_create("poisoned", 0)
ftruncate(m, 2*PAGE)
mmap(a, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, m, 0)
ioctl(uf, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MINOR})
ioctl(uf, UFFDIO_POISON, {range={start=a, len=2*PAGE}})
pagemap(a, 2)
fallocate(m, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, 2*PAGE)
pagemap(a, 2)
fork() => child
in child: open("/proc/self/fd/" + m, O_RDWR|O_TRUNC, 0)
pagemap(a, 2)
load(a, 8) => SIGBUS BUS_ADRERR at a
