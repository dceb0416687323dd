# fcntl(F_SETFL) (fs/fcntl.c setfl): only O_APPEND, O_NONBLOCK, O_DIRECT and O_NOATIME change, and
# O_ASYNC where the file has ->fasync (a pipe, not shmem); the access mode and open-time flags stay.
# O_DIRECT needs FMODE_CAN_ODIRECT, which shmem_file_open gives a tmpfs file opened by path but
# memfd_create's file never gets. O_APPEND then makes writes land at the end.
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
m = memfd_create("m", 0)
fcntl(m, F_GETFL, 0) = 0x8002
fcntl(m, F_SETFL, O_APPEND|O_NONBLOCK) = 0
fcntl(m, F_GETFL, 0) = 0x8c02
fcntl(m, F_SETFL, O_ASYNC|O_APPEND) = 0
fcntl(m, F_GETFL, 0) = 0x8402
fcntl(m, F_SETFL, O_DIRECT) = -1 EINVAL
fcntl(m, F_GETFL, 0) = 0x8402
fcntl(m, F_SETFL, O_RDONLY|O_CREAT|O_TRUNC|O_APPEND) = 0
fcntl(m, F_GETFL, 0) = 0x8402
store(b, 4, 0x41)
write(m, b, 4) = 4
lseek(m, 0, SEEK_SET) = 0
store(b, 2, 0x42)
write(m, b, 2) = 2
fstat(m, b) = 0
load(b, stat) == {st_size=6}
f = open("f", O_RDWR|O_CREAT, 0600)
fcntl(f, F_SETFL, O_DIRECT) = 0
fcntl(f, F_GETFL, 0) = 0xc002
fcntl(f, F_SETFL, 0) = 0
fcntl(f, F_GETFL, 0) = 0x8002
pipe2(b, 0) = 0
load(b, int) == 5
fcntl(5, F_SETFL, O_ASYNC|O_NONBLOCK) = 0
fcntl(5, F_GETFL, 0) = O_RDONLY|O_NONBLOCK|O_ASYNC
fcntl(5, F_SETFL, 0) = 0
fcntl(5, F_GETFL, 0) = O_RDONLY
