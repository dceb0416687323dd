# A userfaultfd can be seeked, but nothing moves: userfaultfd_fops's llseek is noop_llseek, which
# answers the position (0) for any offset and whence; whence past SEEK_HOLE is ksys_lseek's EINVAL.
# Found by mmkit fuzz (seed 43, 150 steps). Source: fs/userfaultfd.c (userfaultfd_fops),
# fs/read_write.c (noop_llseek, ksys_lseek).
requires: uffd
u = userfaultfd(O_CLOEXEC|O_NONBLOCK|UFFD_USER_MODE_ONLY)
lseek(u, 100, SEEK_SET) = 0
lseek(u, -5, SEEK_CUR) = 0
lseek(u, 7, SEEK_END) = 0
lseek(u, 7, SEEK_DATA) = 0
lseek(u, 7, SEEK_HOLE) = 0
lseek(u, 7, 5) = -1 EINVAL
