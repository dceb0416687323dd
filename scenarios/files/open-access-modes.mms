# The access mode of open() decides what a descriptor may do: read() needs O_RDONLY or O_RDWR,
# write() O_WRONLY or O_RDWR, else EBADF; access mode 3 allows neither. Each open() makes its own
# open file with its own position, while the file's bytes are shared.
# Source: fs/read_write.c vfs_read, vfs_write (FMODE_READ, FMODE_WRITE); fs/open.c OPEN_FMODE.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
rw = open("f", O_RDWR|O_CREAT, 0600)
store(buf, "0123456789")
write(rw, buf, 10) = 10
r = open("f", O_RDONLY, 0)
w = open("f", O_WRONLY, 0)
neither = open("f", 3, 0)
fcntl(neither, F_GETFL, 0) = 3|O_LARGEFILE
read(r, buf+100, 4) = 4
load(buf+100, 4) == "0123"
write(r, buf, 1) = -1 EBADF
read(w, buf+100, 1) = -1 EBADF
write(w, buf+5, 2) = 2
read(neither, buf+100, 1) = -1 EBADF
write(neither, buf, 1) = -1 EBADF
lseek(neither, 3, SEEK_SET) = 3
read(r, buf+100, 6) = 6
load(buf+100, 6) == "456789"
lseek(rw, 0, SEEK_SET) = 0
read(rw, buf+200, 4) = 4
load(buf+200, 4) == "5623"
lseek(r, 0, SEEK_CUR) = 10
lseek(w, 0, SEEK_CUR) = 2
