# fstat on a memfd: a regular file with mode 0777 (less the exec bits with MFD_NOEXEC_SEAL) and no
# link, owned by its creator; a tmpfs file an unprivileged process creates belongs to it (uid and
# gid 65534 here), and counts its blocks in 512-byte units of whole pages.
# Source: fs/stat.c cp_new_stat; mm/memfd.c; mm/shmem.c shmem_get_inode (S_IRWXUGO for memfds).
process u unprivileged
in u: buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: fd = memfd_create("stat", 0)
in u: fstat(fd, buf) = 0
in u: load(buf, stat) == {st_mode=S_IFREG|0777, st_nlink=0, st_uid=65534, st_gid=65534, st_size=0, st_blocks=0}
in u: nx = memfd_create("nx", MFD_NOEXEC_SEAL)
in u: fstat(nx, buf) = 0
in u: load(buf, stat) == {st_mode=S_IFREG|0666}
in u: f = open("mine", O_RDWR|O_CREAT, 0640)
in u: store(buf+512, 1, 7)
in u: pwrite(f, buf+512, 1, 3*PAGE) = 1
in u: fstat(f, buf) = 0
in u: load(buf, stat) == {st_mode=S_IFREG|0640, st_nlink=1, st_uid=65534, st_size=3*PAGE+1, st_blocks=8}
