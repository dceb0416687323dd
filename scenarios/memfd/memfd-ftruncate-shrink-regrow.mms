# Shrinking a memfd drops the data beyond the new EOF: after growing it again those pages
# read zeros; a partial last page keeps its head and has its tail zeroed.
# Source: kernel-spec.md §10 (shmem truncate), mm/shmem.c shmem_setattr.
fd = memfd_create("trunc", 0)
ftruncate(fd, 3*PAGE) = 0
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 3*PAGE, 0x5a)
ftruncate(fd, PAGE+16) = 0
load(a+PAGE, 16) == 0x5a
load(a+PAGE+16, PAGE-16) == 0
load(a+2*PAGE, 1) => SIGBUS BUS_ADRERR at a+2*PAGE
ftruncate(fd, 3*PAGE) = 0
load(a, PAGE) == 0x5a
load(a+PAGE, PAGE) == 0x5a*16 0*4080
load(a+2*PAGE, PAGE) == 0
