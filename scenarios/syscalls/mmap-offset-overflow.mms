# A file mapping must end within the largest file size (MAX_LFS_FILESIZE, 2^63-1 bytes):
# an offset that puts any page of it beyond that is EOVERFLOW, whatever the file's
# actual size; the last page that fits can be mapped (it lies beyond EOF, so touching
# it is SIGBUS). Anonymous mappings ignore the offset.
# Source: kernel-spec.md §9.1 (pgoff overflow → EOVERFLOW); mm/mmap.c file_mmap_ok.
fd = memfd_create("overflow", 0)
ftruncate(fd, PAGE) = 0
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0x7ffffffffffff000) = -1 EOVERFLOW
mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE, fd, 0x7fffffffffffe000) = -1 EOVERFLOW
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, -4096) = -1 EOVERFLOW
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0x7fffffffffffe000)
maps(m) == m..m+PAGE r--s "/memfd:overflow (deleted)"
load(m, 1) => SIGBUS BUS_ADRERR at m
a = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, -4096)
maps(a) == a..a+PAGE r--p
