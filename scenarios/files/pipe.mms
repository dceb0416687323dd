# pipe() writes its two descriptors, read end first, into the process's memory; bytes written
# come out in order, reads and writes may use buffers anywhere in mappings. The read end is
# O_RDONLY, the write end O_WRONLY; lseek and pread are ESPIPE, mmap is ENODEV on the read end
# and EACCES on the write end, fstat shows a FIFO, FIONREAD the bytes waiting. With O_NONBLOCK an
# empty pipe reads EAGAIN; once the write end is closed it reads 0 (EOF); with the read end
# closed a write fails with EPIPE (the executor ignores SIGPIPE).
# Source: fs/pipe.c do_pipe2, pipe_read, pipe_write, pipe_ioctl, pipe_poll; mm/mmap.c do_mmap.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pipe2(buf, O_NONBLOCK) = 0
load(buf, int) == 3
load(buf+4, int) == 4
fcntl(3, F_GETFL, 0) = O_RDONLY|O_NONBLOCK
fcntl(4, F_GETFL, 0) = O_WRONLY|O_NONBLOCK
fstat(3, buf+64) = 0
load(buf+64, stat) == {st_mode=S_IFIFO|0600, st_nlink=1, st_size=0, st_blksize=4096}
read(3, buf+256, 10) = -1 EAGAIN
store(buf+512, "through a pipe")
write(4, buf+512, 14) = 14
ioctl(3, FIONREAD, buf+128) = 0
load(buf+128, int) == 14
store(buf+128, pollfd{fd=3, events=POLLIN|POLLOUT})
store(buf+136, pollfd{fd=4, events=POLLIN|POLLOUT})
poll(buf+128, 2, 0) = 2
load(buf+128, pollfd) == {revents=POLLIN}
load(buf+136, pollfd) == {revents=POLLOUT}
lseek(3, 0, SEEK_CUR) = -1 ESPIPE
pread(3, buf+256, 1, 0) = -1 ESPIPE
pwrite(4, buf, 1, 0) = -1 ESPIPE
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 3, 0) = -1 ENODEV
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 4, 0) = -1 EACCES
ftruncate(4, 0) = -1 EINVAL
fallocate(4, 0, 0, 1) = -1 ESPIPE
fallocate(3, 0, 0, 1) = -1 EBADF
write(3, buf, 1) = -1 EBADF
read(4, buf, 1) = -1 EBADF
read(3, buf+256, 8) = 8
load(buf+256, 8) == "through "
close(4) = 0
read(3, buf+256, 100) = 6
load(buf+256, 6) == "a pipe"
read(3, buf+256, 100) = 0
store(buf+128, pollfd{fd=3, events=POLLIN})
poll(buf+128, 1, 0) = 1
load(buf+128, pollfd) == {revents=POLLHUP}
pipe(buf) = 0
load(buf, int) == 4
load(buf+4, int) == 5
close(4) = 0
write(5, buf+512, 3) = -1 EPIPE
pipe2(buf, O_NONBLOCK|O_CLOEXEC|1) = -1 EINVAL
pipe(0) = -1 EFAULT
pipe(buf) = 0
load(buf, int) == 4
