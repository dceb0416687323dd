# A private memfd mapping grown by mremap beyond the end of the file maps pages that
# raise SIGBUS until the file grows to cover them.
# Source: kernel-spec.md §9.4; mm/shmem.c (faults past i_size).
fd = memfd_create("grow", 0)
ftruncate(fd, 2*PAGE) = 0
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+2*PAGE, 2*PAGE) = 0
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, fd, 0) = r
store(a, PAGE, 0x70)
mremap(a, 2*PAGE, 4*PAGE, 0, 0) = a
maps(a) == a..a+4*PAGE rw-p "/memfd:grow (deleted)"
load(a, PAGE) == 0x70
load(a+2*PAGE, 1) => SIGBUS BUS_ADRERR at a+2*PAGE
store(a+3*PAGE, 1, 1) => SIGBUS BUS_ADRERR at a+3*PAGE
ftruncate(fd, 4*PAGE) = 0
load(a+2*PAGE, 2*PAGE) == 0
