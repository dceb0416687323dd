# preadv() and pwritev() are readv()/writev() at an offset, leaving the position alone; a
# negative offset is EINVAL before anything else.
# Source: fs/read_write.c do_preadv, do_pwritev.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("f", O_RDWR|O_CREAT, 0600)
store(buf, "abcdefgh")
store(buf+256, iovec{iov_base=buf, iov_len=2})
store(buf+272, iovec{iov_base=buf+4, iov_len=2})
pwritev(fd, buf+256, 2, 100) = 4
lseek(fd, 0, SEEK_CUR) = 0
lseek(fd, 0, SEEK_END) = 104
store(buf+256, iovec{iov_base=buf+512, iov_len=3})
preadv(fd, buf+256, 1, 101) = 3
load(buf+512, 3) == "bef"
preadv(fd, buf+256, 1, -1) = -1 EINVAL
pwritev(fd, buf+256, 1, -1) = -1 EINVAL
preadv(999, buf+256, 1, -1) = -1 EINVAL
preadv(fd, buf+256, 1025, 0) = -1 EINVAL
r = open("f", O_RDONLY, 0)
pwritev(r, buf+256, 1, 0) = -1 EBADF
preadv(r, buf+256, 1, 200) = 0
