# The generic ioctls of fs/ioctl.c on a memfd: FIOCLEX/FIONCLEX set and clear close-on-exec
# (fcntl F_GETFD shows it), FIONBIO reads an int and sets O_NONBLOCK (F_GETFL shows it),
# FIOASYNC fails with ENOTTY when it would turn FASYNC on (shmem has no ->fasync), FIONREAD
# writes size minus position as an int, FIOQSIZE the bytes of the file's pages as a loff_t;
# anything else is ENOTTY, a bad argument pointer EFAULT, a closed descriptor EBADF.
# Source: fs/ioctl.c do_vfs_ioctl, ioctl_fionbio, ioctl_fioasync; fs/fcntl.c; mm/memfd.c.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("ioctl", 0)
fcntl(fd, F_GETFD, 0) = 0
ioctl(fd, FIOCLEX, 0) = 0
fcntl(fd, F_GETFD, 0) = FD_CLOEXEC
ioctl(fd, FIONCLEX, 0) = 0
fcntl(fd, F_GETFD, 0) = 0
fcntl(fd, F_GETFL, 0) = O_RDWR|O_LARGEFILE
store(buf, int{1})
ioctl(fd, FIONBIO, buf) = 0
fcntl(fd, F_GETFL, 0) = O_RDWR|O_LARGEFILE|O_NONBLOCK
ioctl(fd, FIOASYNC, buf) = -1 ENOTTY
store(buf, int{0})
ioctl(fd, FIOASYNC, buf) = 0
ioctl(fd, FIONBIO, buf) = 0
fcntl(fd, F_GETFL, 0) = O_RDWR|O_LARGEFILE
ftruncate(fd, 3*PAGE+5)
lseek(fd, 5, SEEK_SET) = 5
ioctl(fd, FIONREAD, buf) = 0
load(buf, int) == 3*PAGE
lseek(fd, 3*PAGE+10, SEEK_SET) = 3*PAGE+10
ioctl(fd, FIONREAD, buf) = 0
load(buf, int) == -5
ioctl(fd, FIOQSIZE, buf) = 0
load(buf, loff_t) == 0
fallocate(fd, 0, 0, 2*PAGE) = 0
ioctl(fd, FIOQSIZE, buf) = 0
load(buf, loff_t) == 2*PAGE
m = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m+2*PAGE, 1, 1)
ioctl(fd, FIOQSIZE, buf) = 0
load(buf, loff_t) == 3*PAGE
ioctl(fd, 0x1234, buf) = -1 ENOTTY
ioctl(fd, FIOQSIZE, 0) = -1 EFAULT
ioctl(fd, FIONREAD, 0) = -1 EFAULT
ioctl(fd, FIONBIO, 0) = -1 EFAULT
mprotect(buf, PAGE, PROT_READ) = 0
ioctl(fd, FIOQSIZE, buf) = -1 EFAULT
close(fd) = 0
ioctl(fd, FIOCLEX, 0) = -1 EBADF
fcntl(fd, F_GETFD, 0) = -1 EBADF
