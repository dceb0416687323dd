# The checks read() and write() make before the file sees them: a count of 0 moves nothing
# (even at NULL); a buffer that wraps or ends above the task size is EFAULT (access_ok); a
# position that the count would carry past LLONG_MAX is EINVAL (rw_verify_area); a write may end
# exactly at LLONG_MAX (MAX_LFS_FILESIZE). FIONREAD puts size minus position into an int, so far
# past EOF it is the low 32 bits of a negative number.
# Source: fs/read_write.c vfs_read/vfs_write, rw_verify_area; arch/x86 access_ok; fs/ioctl.c.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("limits", 0)
write(fd, buf, 0) = 0
read(fd, NULL, 0) = 0
read(fd, buf, 0xffffffffffffffff) = -1 EFAULT
write(fd, 0x7ffffffff000, 1) = -1 EFAULT
write(fd, buf, 0x7ffffffff000) = -1 EFAULT
lseek(fd, 0x7ffffffffffffffe, SEEK_SET) = 0x7ffffffffffffffe
write(fd, buf, 2) = -1 EINVAL
write(fd, buf, 1) = 1
lseek(fd, 0, SEEK_END) = 0x7fffffffffffffff
lseek(fd, 1, SEEK_CUR) = -1 EINVAL
ioctl(fd, FIONREAD, buf) = 0
load(buf, int) == 0
ioctl(fd, FIOQSIZE, buf) = 0
load(buf, loff_t) == PAGE
ftruncate(fd, 0) = 0
ioctl(fd, FIONREAD, buf) = 0
load(buf, int) == 1
