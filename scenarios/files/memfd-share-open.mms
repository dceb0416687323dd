# Port of memfd_test.c test_share_open: a memfd reopened through /proc/self/fd/N is a new open
# file of the same inode, so seals added through either descriptor are seen by both, and survive
# the descriptor they were added through; a read-only reopen cannot add seals (EPERM).
# Source: tools/testing/selftests/memfd/memfd_test.c test_share_open, mfd_assert_open;
# mm/memfd.c memfd_add_seals.
fd = memfd_create("share_open", MFD_ALLOW_SEALING) = 3
fcntl(fd, F_GET_SEALS, 0) = 0
ftruncate(fd, 4*PAGE) = 0
fd2 = open("/proc/self/fd/3", O_RDWR, 0) = 4
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = 0
fcntl(fd2, F_GET_SEALS, 0) = F_SEAL_WRITE
fcntl(fd2, F_ADD_SEALS, F_SEAL_SHRINK) = 0
fcntl(fd, F_GET_SEALS, 0) = F_SEAL_WRITE|F_SEAL_SHRINK
close(fd) = 0
ro = open("/proc/self/fd/4", O_RDONLY, 0) = 3
fcntl(ro, F_ADD_SEALS, F_SEAL_GROW) = -1 EPERM
fcntl(ro, F_GET_SEALS, 0) = F_SEAL_WRITE|F_SEAL_SHRINK
close(fd2) = 0
fcntl(ro, F_ADD_SEALS, F_SEAL_GROW) = -1 EPERM
fstat(ro, 0) = -1 EFAULT
