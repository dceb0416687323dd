# readv() and writev() move the bytes of an array of struct iovec in order. A buffer that faults
# ends the call with the bytes moved before it (a bad second iovec gives the first one's count);
# a bad first one gives EFAULT. Zero iovecs, or only empty ones, return 0; more than UIO_MAXIOV
# (1024) is EINVAL, an unreadable array EFAULT, a length negative as ssize_t EINVAL, and a
# buffer reaching past the user address space EFAULT before anything moves.
# Source: fs/read_write.c do_readv, vfs_readv, vfs_writev; lib/iov_iter.c __import_iovec,
# iovec_from_user; mm/filemap.c generic_perform_write.
buf = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
iov = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("f", O_RDWR|O_CREAT, 0600)
store(buf, "hello ")
store(buf+PAGE, "world")
store(iov, iovec{iov_base=buf, iov_len=6})
store(iov+16, iovec{iov_base=buf+PAGE, iov_len=5})
writev(fd, iov, 2) = 11
lseek(fd, 0, SEEK_CUR) = 11
lseek(fd, 0, SEEK_SET) = 0
store(iov, iovec{iov_base=buf+2*PAGE, iov_len=3})
store(iov+16, iovec{iov_base=buf+2*PAGE+100, iov_len=100})
readv(fd, iov, 2) = 11
load(buf+2*PAGE, 3) == "hel"
load(buf+2*PAGE+100, 8) == "lo world"
readv(fd, iov, 0) = 0
store(iov+32, iovec{iov_base=0, iov_len=0})
readv(fd, iov+32, 1) = 0
readv(fd, iov, 1025) = -1 EINVAL
readv(fd, 0, 1) = -1 EFAULT
store(iov+48, iovec{iov_base=buf, iov_len=-1})
readv(fd, iov+32, 2) = -1 EINVAL
store(iov+48, iovec{iov_base=0x7ffffffff000, iov_len=PAGE})
readv(fd, iov+32, 2) = -1 EFAULT
munmap(buf+PAGE, PAGE) = 0
lseek(fd, 0, SEEK_SET) = 0
store(iov, iovec{iov_base=buf+10, iov_len=4})
store(iov+16, iovec{iov_base=buf+PAGE, iov_len=4})
readv(fd, iov, 2) = 4
lseek(fd, 0, SEEK_CUR) = 4
writev(fd, iov, 2) = 4
lseek(fd, 0, SEEK_CUR) = 8
store(iov, iovec{iov_base=buf+PAGE, iov_len=4})
readv(fd, iov, 2) = -1 EFAULT
writev(fd, iov, 2) = -1 EFAULT
