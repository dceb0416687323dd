# kernel-spec §4.6: a resolving ioctl on a context whose address space is gone is ESRCH: the
# context is inherited by a forked child, and the process that made it exits.
requires: uffd
requires: root
process owner
in owner: u = userfaultfd(O_NONBLOCK)
in owner: ioctl(u, UFFDIO_API, {api=UFFD_API}) = 0
in owner: a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in owner: ioctl(u, UFFDIO_REGISTER, {range={start=a, len=2*PAGE}, mode=UFFDIO_REGISTER_MODE_MISSING}) = 0
in owner: fork() => child
in child: ioctl(u, UFFDIO_ZEROPAGE, {range={start=a, len=PAGE}}) = 0 {zeropage=4096}
in owner: load(a, 1) == 0
exit(owner)
in child: ioctl(u, UFFDIO_ZEROPAGE, {range={start=a+PAGE, len=PAGE}}) = -1 ESRCH {zeropage=0}
in child: ioctl(u, UFFDIO_COPY, {dst=a+PAGE, src=a, len=PAGE}) = -1 ESRCH
in child: read(u) = -1 EAGAIN
