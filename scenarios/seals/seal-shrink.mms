# F_SEAL_SHRINK: ftruncate to a smaller size is EPERM; the same size and growing work, and so do
# writes past EOF and hole punches, which do not change the size.
# Source: mm/shmem.c shmem_setattr; selftests memfd_test.c test_seal_shrink.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("shrink", MFD_ALLOW_SEALING)
ftruncate(fd, 2*PAGE)
fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK) = 0
ftruncate(fd, PAGE) = -1 EPERM
ftruncate(fd, 0) = -1 EPERM
ftruncate(fd, 2*PAGE) = 0
ftruncate(fd, 3*PAGE) = 0
lseek(fd, 4*PAGE, SEEK_SET) = 4*PAGE
write(fd, buf, 10) = 10
lseek(fd, 0, SEEK_END) = 4*PAGE+10
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, 5*PAGE) = 0
lseek(fd, 0, SEEK_END) = 4*PAGE+10
fallocate(fd, 0, 0, 6*PAGE) = 0
ftruncate(fd, 5*PAGE) = -1 EPERM
