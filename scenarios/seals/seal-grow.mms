# F_SEAL_GROW: a write is checked page by page before its copy, and the page that would end past
# EOF is refused, so a write across EOF is short and one that cannot write its first page is
# EPERM. ftruncate to a larger size and fallocate of a range past EOF (even with
# FALLOC_FL_KEEP_SIZE) are EPERM; shrinking, punching holes and fallocate inside the file work.
# Source: mm/shmem.c shmem_write_begin, shmem_setattr, shmem_fallocate; mm/filemap.c
# generic_perform_write; selftests memfd_test.c test_seal_grow.
buf = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(buf, 2*PAGE, 0x3c)
fd = memfd_create("grow", MFD_ALLOW_SEALING)
ftruncate(fd, PAGE+100)
fcntl(fd, F_ADD_SEALS, F_SEAL_GROW) = 0
write(fd, buf, 2*PAGE) = PAGE
lseek(fd, 0, SEEK_CUR) = PAGE
write(fd, buf, 100) = 100
write(fd, buf, 1) = -1 EPERM
write(fd, buf, 0) = 0
lseek(fd, PAGE-10, SEEK_SET) = PAGE-10
write(fd, buf, 2*PAGE) = 10
write(fd, buf, 30) = 30
lseek(fd, PAGE+90, SEEK_SET) = PAGE+90
write(fd, buf, 30) = -1 EPERM
write(fd, buf, 10) = 10
lseek(fd, 0, SEEK_END) = PAGE+100
ftruncate(fd, 2*PAGE) = -1 EPERM
fallocate(fd, 0, PAGE, PAGE) = -1 EPERM
fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 2*PAGE) = -1 EPERM
fallocate(fd, 0, 0, PAGE+100) = 0
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, 2*PAGE) = 0
ftruncate(fd, PAGE) = 0
ftruncate(fd, PAGE) = 0
m = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m, PAGE, 0x1)
