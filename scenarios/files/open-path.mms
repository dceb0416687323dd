# An O_PATH descriptor only names its file: read, write, mmap, ftruncate, fallocate, lseek, ioctl
# and the seal commands of fcntl see EBADF (fdget skips it), poll reports POLLNVAL; fstat, close,
# dup and fcntl's F_GETFD/F_SETFD/F_GETFL/F_DUPFD work (fdget_raw). O_PATH keeps only
# O_PATH/O_DIRECTORY/O_NOFOLLOW of the flags: O_CREAT does not create, O_TRUNC does not truncate.
# Reopening it through /proc/self/fd/N gives a descriptor that can do everything.
# Source: fs/open.c build_open_flags (O_PATH_FLAGS); fs/file.c fdget, fdget_raw; fs/fcntl.c
# check_fcntl_cmd; fs/select.c do_pollfd.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
open("missing", O_PATH|O_CREAT, 0600) = -1 ENOENT
rw = open("f", O_RDWR|O_CREAT, 0600)
ftruncate(rw, 100) = 0
p = open("f", O_PATH|O_RDWR|O_TRUNC|O_APPEND, 0)
fcntl(p, F_GETFL, 0) = O_PATH
fstat(p, buf) = 0
load(buf, stat) == {st_size=100, st_mode=S_IFREG|0600}
read(p, buf, 1) = -1 EBADF
write(p, buf, 1) = -1 EBADF
pread(p, buf, 1, 0) = -1 EBADF
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, p, 0) = -1 EBADF
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, p, 0) = -1 EBADF
ftruncate(p, 0) = -1 EBADF
fallocate(p, 0, 0, PAGE) = -1 EBADF
lseek(p, 0, SEEK_SET) = -1 EBADF
ioctl(p, FIONREAD, buf) = -1 EBADF
fcntl(p, F_GET_SEALS, 0) = -1 EBADF
fcntl(p, F_GETFD, 0) = 0
fcntl(p, F_SETFD, FD_CLOEXEC) = 0
fcntl(p, F_GETFD, 0) = FD_CLOEXEC
store(buf, pollfd{fd=p, events=POLLIN})
poll(buf, 1, 0) = 1
load(buf, pollfd) == {revents=POLLNVAL}
q = dup(p)
fcntl(q, F_GETFL, 0) = O_PATH
fstat(q, buf) = 0
load(buf, stat) == {st_size=100}
close(q) = 0
close(p) = 0
