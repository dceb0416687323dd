# F_ADD_SEALS only adds: seals accumulate, adding one twice or adding none succeeds, and once
# F_SEAL_SEAL is set every further F_ADD_SEALS is EPERM. Unknown seal bits are EINVAL, and that
# check comes before the F_SEAL_SEAL one. fcntl passes the argument as an int, so bits above 31
# are dropped. A closed descriptor is EBADF.
# Source: mm/memfd.c memfd_add_seals (F_ALL_SEALS), fs/fcntl.c do_fcntl (argi);
# selftests memfd_test.c test_basic.
fd = memfd_create("rules", MFD_ALLOW_SEALING)
fcntl(fd, F_ADD_SEALS, 0) = 0
fcntl(fd, F_GET_SEALS, 0) = 0
fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK) = 0
fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK) = 0
fcntl(fd, F_ADD_SEALS, 0x100000000|F_SEAL_GROW) = 0
fcntl(fd, F_GET_SEALS, 0) = F_SEAL_SHRINK|F_SEAL_GROW
fcntl(fd, F_ADD_SEALS, 0x40) = -1 EINVAL
fcntl(fd, F_ADD_SEALS, 0x80000000) = -1 EINVAL
fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL) = 0
fcntl(fd, F_GET_SEALS, 0) = F_SEAL_SEAL|F_SEAL_SHRINK|F_SEAL_GROW
fcntl(fd, F_ADD_SEALS, 0) = -1 EPERM
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = -1 EPERM
fcntl(fd, F_ADD_SEALS, 0x40) = -1 EINVAL
close(fd) = 0
fcntl(fd, F_GET_SEALS, 0) = -1 EBADF
fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL) = -1 EBADF
