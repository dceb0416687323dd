# O_APPEND: every write() starts at the end of the file and leaves the position there, whatever
# lseek set; pwrite() on an O_APPEND file also appends (Linux ignores its offset there) and
# leaves the position alone. Another descriptor without O_APPEND writes where it stands.
# Source: mm/filemap.c generic_write_checks (IOCB_APPEND), fs/read_write.c ksys_pwrite64;
# man 2 pwrite, BUGS.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("log", O_WRONLY|O_CREAT|O_APPEND, 0600)
fcntl(fd, F_GETFL, 0) = O_WRONLY|O_APPEND|O_LARGEFILE
store(buf, "abcdef")
write(fd, buf, 3) = 3
lseek(fd, 0, SEEK_SET) = 0
write(fd, buf+3, 3) = 3
lseek(fd, 0, SEEK_CUR) = 6
lseek(fd, 1, SEEK_SET) = 1
pwrite(fd, buf, 2, 0) = 2
lseek(fd, 0, SEEK_CUR) = 1
plain = open("log", O_RDWR, 0)
write(plain, buf+4, 2) = 2
pread(plain, buf+100, 8, 0) = 8
load(buf+100, 8) == "efcdefab"
