# pread() and pwrite() work at the offset given and leave the file position alone; a negative
# offset is EINVAL even before the descriptor is looked up; reading at or past EOF gives 0;
# writing past EOF grows the file and leaves a hole that reads as zeros. A buffer that faults
# part way gives a short count, one that faults at once EFAULT.
# Source: fs/read_write.c ksys_pread64, ksys_pwrite64; mm/shmem.c shmem_file_read_iter.
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = open("f", O_RDWR|O_CREAT, 0600)
store(buf, "0123456789")
pwrite(fd, buf, 10, 0) = 10
lseek(fd, 0, SEEK_CUR) = 0
pread(fd, buf+100, 4, 3) = 4
load(buf+100, 4) == "3456"
lseek(fd, 0, SEEK_CUR) = 0
pread(fd, buf+100, 100, 8) = 2
pread(fd, buf+100, 1, 10) = 0
pread(fd, buf+100, 1, 1000) = 0
pread(fd, buf, 1, -1) = -1 EINVAL
pwrite(fd, buf, 1, -1) = -1 EINVAL
pread(999, buf, 1, -1) = -1 EINVAL
pread(999, buf, 1, 0) = -1 EBADF
pwrite(fd, buf, 3, PAGE+10) = 3
lseek(fd, 0, SEEK_END) = PAGE+13
pread(fd, buf+200, 20, 10) = 20
load(buf+200, 20) == 0
munmap(buf+PAGE, PAGE) = 0
pwrite(fd, buf+PAGE-4, 8, 0) = 4
pread(fd, buf+PAGE-2, 8, 0) = 2
pread(fd, buf+PAGE, 8, 0) = -1 EFAULT
pwrite(fd, buf+PAGE, 8, 0) = -1 EFAULT
pread(fd, 0, 8, 0) = -1 EFAULT
