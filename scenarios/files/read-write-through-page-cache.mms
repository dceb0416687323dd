# write() copies a mapped buffer into a memfd's page cache and grows the file; read() copies it
# back at the file position and stops at EOF; a shared mapping of the file sees the written
# bytes, and a read of a hole gives zeros.
# Source: mm/shmem.c shmem_file_read_iter, shmem_file_write_iter (generic_perform_write),
# fs/read_write.c vfs_read/vfs_write.
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("rw", 0)
store(buf, "hello")
write(fd, buf, 5) = 5
lseek(fd, 0, SEEK_CUR) = 5
lseek(fd, 0, SEEK_SET) = 0
read(fd, buf+PAGE, PAGE) = 5
load(buf+PAGE, 6) == "hello" 0
read(fd, buf+PAGE, PAGE) = 0
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(m, 5) == "hello"
pagemap(m, 1) == present|file|exclusive
# writing past EOF leaves a hole that reads as zeros
lseek(fd, PAGE+10, SEEK_SET) = PAGE+10
write(fd, buf, 2) = 2
lseek(fd, 0, SEEK_END) = PAGE+12
lseek(fd, 4090, SEEK_SET) = 4090
read(fd, buf+PAGE, 40) = 18
load(buf+PAGE, 22) == 0*16 "he" 0*4
load(m+5, 1) == 0
