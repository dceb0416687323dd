# SEEK_DATA and SEEK_HOLE on a memfd work on pages: a page written (or faulted in) is data, a
# page never touched or only fallocated is a hole, and EOF is a hole; an offset at or past EOF,
# or SEEK_DATA with no data after it, is ENXIO.
# Source: mm/shmem.c shmem_file_llseek, mm/filemap.c mapping_seek_hole_data and
# folio_seek_hole_data (a folio that is not up to date is a hole).
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("holes", 0)
ftruncate(fd, 8*PAGE+100)
lseek(fd, 0, SEEK_DATA) = -1 ENXIO
lseek(fd, 0, SEEK_HOLE) = 0
store(buf, 1, 0x33)
lseek(fd, 2*PAGE+10, SEEK_SET) = 2*PAGE+10
write(fd, buf, 1) = 1
lseek(fd, 0, SEEK_DATA) = 2*PAGE
lseek(fd, 2*PAGE+5, SEEK_DATA) = 2*PAGE+5
lseek(fd, 2*PAGE+5, SEEK_HOLE) = 3*PAGE
lseek(fd, 3*PAGE, SEEK_DATA) = -1 ENXIO
lseek(fd, 0, SEEK_CUR) = 3*PAGE
fallocate(fd, 0, 3*PAGE, PAGE) = 0
lseek(fd, 2*PAGE, SEEK_HOLE) = 3*PAGE
m = mmap(NULL, 9*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m+8*PAGE, 1, 1)
lseek(fd, 3*PAGE, SEEK_DATA) = 8*PAGE
lseek(fd, 8*PAGE+50, SEEK_HOLE) = 8*PAGE+100
lseek(fd, 8*PAGE+100, SEEK_HOLE) = -1 ENXIO
lseek(fd, -1, SEEK_DATA) = -1 ENXIO
