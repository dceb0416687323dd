# fallocate on a closed descriptor fails with EBADF even when the mode is invalid too:
# ksys_fallocate looks the descriptor up before vfs_fallocate checks offset, length and mode.
# Found by mmkit fuzz --seed 1069 --ops 150 (the model said EOPNOTSUPP).
fd = memfd_create("fd", MFD_ALLOW_SEALING)
close(fd) = 0
fallocate(fd, FALLOC_FL_PUNCH_HOLE, 11*PAGE, 9*PAGE) = -1 EBADF
fallocate(fd, 0, -1, PAGE) = -1 EBADF
fallocate(fd, 0x100, 0, 0) = -1 EBADF
