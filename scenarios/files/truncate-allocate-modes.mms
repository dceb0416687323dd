# ftruncate() on a descriptor not open for writing is EINVAL (not EBADF), after a negative length
# is refused before the descriptor is even looked up; fallocate() on one is EBADF, but only after
# its own argument checks (EINVAL for a bad range, EOPNOTSUPP for a bad mode).
# Source: fs/open.c do_sys_ftruncate, do_ftruncate; fs/open.c vfs_fallocate.
rw = open("f", O_RDWR|O_CREAT, 0600)
r = open("f", O_RDONLY, 0)
w = open("f", O_WRONLY, 0)
ftruncate(r, PAGE) = -1 EINVAL
ftruncate(r, -1) = -1 EINVAL
ftruncate(99, -1) = -1 EINVAL
ftruncate(99, 0) = -1 EBADF
ftruncate(w, PAGE) = 0
fallocate(r, 0, 0, PAGE) = -1 EBADF
fallocate(r, 0, -1, PAGE) = -1 EINVAL
fallocate(r, 0, 0, 0) = -1 EINVAL
fallocate(r, 0x100, 0, PAGE) = -1 EOPNOTSUPP
fallocate(w, 0, 0, 2*PAGE) = 0
fallocate(w, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, PAGE) = 0
lseek(rw, 0, SEEK_END) = 2*PAGE
