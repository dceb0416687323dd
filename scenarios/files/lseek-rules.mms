# lseek on a memfd: SEEK_END counts from the size, positions past EOF are allowed, a negative
# result or an overflowing sum is EINVAL and keeps the position, whence above SEEK_HOLE is EINVAL (SEEK_DATA and SEEK_HOLE: lseek-data-hole.mms).
# Source: mm/shmem.c shmem_file_llseek → fs/read_write.c generic_file_llseek_size, vfs_setpos,
# ksys_lseek.
fd = memfd_create("seek", 0)
ftruncate(fd, 100)
lseek(fd, -10, SEEK_END) = 90
lseek(fd, PAGE, SEEK_SET) = PAGE
lseek(fd, -1, SEEK_SET) = -1 EINVAL
lseek(fd, 0, SEEK_CUR) = PAGE
lseek(fd, -PAGE-1, SEEK_CUR) = -1 EINVAL
lseek(fd, 0x7fffffffffffffff, SEEK_END) = -1 EINVAL
lseek(fd, 0, 5) = -1 EINVAL
lseek(fd, 0, SEEK_CUR) = PAGE
