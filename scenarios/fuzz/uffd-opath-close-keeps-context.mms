# Closing an O_PATH descriptor reopened from a userfaultfd's /proc/self/fd link releases nothing:
# the O_PATH file has empty_fops and does not share the context, so the parent's registration
# stays and a later UFFDIO_POISON still works. Found by mmkit fuzz --seed 142887753 --ops 300,
# reduced from 343 lines. Source: fs/open.c (do_dentry_open, O_PATH), fs/file_table.c (__fput).
process u unprivileged
in u: r = mmap(0x7f0000000000, 256*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: uf = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)
in u: ioctl(uf, UFFDIO_API, {api=UFFD_API, features=UFFD_FEATURE_WP_UNPOPULATED|UFFD_FEATURE_POISON}) = 0 {features=0x1ffff, ioctls=0x8000000000000003}
in u: fork() => c4
in u: ioctl(uf, UFFDIO_REGISTER, {range={start=r+245*PAGE, len=3*PAGE}, mode=UFFDIO_REGISTER_MODE_WP}) = 0 {ioctls=0x17c}
in c4: open("/proc/self/fd/3", O_PATH|O_NONBLOCK, 0) = 4
in u: exit(c4)
in u: ioctl(uf, UFFDIO_POISON, {range={start=r+246*PAGE, len=2*PAGE}}) = 0 {updated=8192}
