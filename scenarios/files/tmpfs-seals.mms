# A tmpfs file opened by path is a shmem file that starts with F_SEAL_SEAL, as every shmem inode
# but a sealable memfd does: fcntl(F_GET_SEALS) reports it and F_ADD_SEALS is EPERM. A pipe is
# not a shmem file: the seal commands are EINVAL there.
# Source: mm/shmem.c shmem_get_inode (F_SEAL_SEAL); mm/memfd.c memfd_fcntl, memfd_file_seals_ptr.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("f", O_RDWR|O_CREAT, 0600)
fcntl(fd, F_GET_SEALS, 0) = F_SEAL_SEAL
fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE) = -1 EPERM
r = open("f", O_RDONLY, 0)
fcntl(r, F_ADD_SEALS, F_SEAL_WRITE) = -1 EPERM
fcntl(r, F_GET_SEALS, 0) = F_SEAL_SEAL
pipe(buf) = 0
fcntl(5, F_GET_SEALS, 0) = -1 EINVAL
fcntl(6, F_ADD_SEALS, F_SEAL_WRITE) = -1 EINVAL
