# /proc/PID/mem is a regular file of size 0 (fs/proc/base.c): ftruncate of it opened for writing
# succeeds and changes nothing (proc_setattr), opened read-only it is EINVAL (do_ftruncate);
# FIONREAD answers i_size - pos truncated to an int, FIOQSIZE its 0 bytes.
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("/proc/self/mem", O_RDWR, 0)
ftruncate(fd, 0)
ftruncate(fd, 5*PAGE)
ioctl(fd, FIONREAD, b)
load(b, 4) == 0x00*4
lseek(fd, 100, SEEK_SET) = 100
ioctl(fd, FIONREAD, b)
load(b, 4) == 0x9c 0xff*3
store(b, 8, 0x55)
ioctl(fd, FIOQSIZE, b)
load(b, 8) == 0x00*8
ro = open("/proc/self/mem", O_RDONLY, 0)
ftruncate(ro, 0) = -1 EINVAL
# vfs_fallocate: a regular file whose file system has no fallocate (found by mmkit fuzz --seed 9300368)
fallocate(fd, FALLOC_FL_KEEP_SIZE, 2*PAGE, 7*PAGE) = -1 EOPNOTSUPP
fallocate(fd, 0, 0, PAGE) = -1 EOPNOTSUPP
fallocate(ro, 0, 0, PAGE) = -1 EBADF
