# memfd_create and the file calls on a memfd refuse bad arguments: unknown flags and
# MFD_EXEC with MFD_NOEXEC_SEAL (EINVAL), a name longer than 249 bytes (EINVAL); ftruncate
# to a negative size (EINVAL); fallocate with a length of 0 or below (EINVAL), unknown mode
# bits (EOPNOTSUPP), a range past the largest file offset (EFBIG); a closed descriptor (EBADF).
# Source: mm/memfd.c (MFD_NAME_MAX_LEN = NAME_MAX - strlen("memfd:")), fs/open.c
# vfs_fallocate, kernel-spec.md §9.1 (EBADF); observed on the reference kernel.
memfd_create("x", 0x100) = -1 EINVAL
memfd_create("x", MFD_EXEC|MFD_NOEXEC_SEAL) = -1 EINVAL
memfd_create("mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", 0) = -1 EINVAL
long = memfd_create("mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm", 0)
close(long) = 0
fd = memfd_create("", MFD_CLOEXEC|MFD_ALLOW_SEALING)
ftruncate(fd, -1) = -1 EINVAL
fallocate(fd, 0, 0, 0) = -1 EINVAL
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, 0) = -1 EINVAL
fallocate(fd, 0, 0, -1) = -1 EINVAL
fallocate(fd, 0, -1, PAGE) = -1 EINVAL
fallocate(fd, 0x100, 0, PAGE) = -1 EOPNOTSUPP
fallocate(fd, 0, 0x7fffffffffffffff, 2) = -1 EFBIG
close(fd) = 0
close(fd) = -1 EBADF
ftruncate(fd, 0) = -1 EBADF
fallocate(fd, 0, 0, PAGE) = -1 EBADF
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0) = -1 EBADF
