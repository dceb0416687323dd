# SEEK_DATA and SEEK_HOLE count a shmem page that is out in swap as data, and fstat's blocks count
# it as the file's; the file's pages out in swap do not count in the process's VmSwap.
# Source: mm/shmem.c shmem_file_llseek (mapping_seek_hole_data), shmem_getattr.
requires: root, swap
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("seek", 0)
ftruncate(fd, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s+PAGE, PAGE, 0x01)
store(s+2*PAGE, PAGE, 0x02)
madvise(s, 4*PAGE, MADV_PAGEOUT) = 0
lseek(fd, 0, SEEK_DATA) = 4096
lseek(fd, PAGE, SEEK_HOLE) = 12288
fstat(fd, buf) = 0
load(buf, stat) == {st_blocks=16}
status.VmSwap == 0 kB
