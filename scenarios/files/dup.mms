# dup(), dup2(), dup3() and fcntl(F_DUPFD): the new descriptor shares the open file (position and
# status flags), but not close-on-exec, which only dup3(O_CLOEXEC) and F_DUPFD_CLOEXEC set.
# dup2() onto itself returns the descriptor if it is open; dup3() refuses it (EINVAL), and flags
# other than O_CLOEXEC. dup2() closes what the target referred to. A target at or past
# RLIMIT_NOFILE (1024) is EBADF, an F_DUPFD minimum there EINVAL.
# Source: fs/file.c ksys_dup3, do_dup2, sys_dup2, f_dupfd; fs/fcntl.c do_fcntl.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("f", O_RDWR|O_CREAT|O_CLOEXEC, 0600)
store(buf, "abcdef")
write(fd, buf, 6) = 6
d = dup(fd)
fcntl(d, F_GETFD, 0) = 0
lseek(d, 0, SEEK_CUR) = 6
lseek(d, 2, SEEK_SET) = 2
lseek(fd, 0, SEEK_CUR) = 2
dup2(fd, fd) = fd
dup2(200, 200) = -1 EBADF
dup2(fd, 200) = 200
fcntl(200, F_GETFD, 0) = 0
read(200, buf+100, 2) = 2
load(buf+100, 2) == "cd"
other = open("g", O_RDWR|O_CREAT, 0600)
dup2(other, 200) = 200
lseek(200, 0, SEEK_END) = 0
dup3(fd, 201, O_CLOEXEC) = 201
fcntl(201, F_GETFD, 0) = FD_CLOEXEC
dup3(fd, fd, 0) = -1 EINVAL
dup3(fd, 202, O_NONBLOCK) = -1 EINVAL
dup3(300, 202, 0) = -1 EBADF
dup2(fd, 1024) = -1 EBADF
dup2(fd, -1) = -1 EBADF
fcntl(fd, F_DUPFD, 500) = 500
fcntl(fd, F_DUPFD_CLOEXEC, 500) = 501
fcntl(501, F_GETFD, 0) = FD_CLOEXEC
fcntl(fd, F_DUPFD, 1024) = -1 EINVAL
fcntl(fd, F_DUPFD, -1) = -1 EINVAL
dup(999) = -1 EBADF
close(fd) = 0
lseek(d, 0, SEEK_CUR) = 4
close(201) = 0
close(201) = -1 EBADF
