# A write() whose buffer faults at once still leaves the destination page in the page cache:
# shmem_write_begin allocates it before the copy (6.18's generic_perform_write no longer faults
# the buffer in first), shmem_write_end zeroes and dirties it, i_size stays, and the call then
# fails with EFAULT. mincore of a mapping of the file sees the page, even past EOF. A write that
# copies some pages and then faults at the start of the next one leaves that next page cached too,
# and returns the bytes copied.
# Found by mmkit fuzz (seed 5100123, reduced): the model allocated nothing.
fd = memfd_create("w", 0)
g = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
m = mmap(NULL, 2*PAGE, PROT_READ, MAP_SHARED|MAP_NORESERVE, fd, 0)
mincore(m, 2*PAGE) == 0 0
write(fd, g, PAGE) = -1 EFAULT
mincore(m, 2*PAGE) == 1 0
lseek(fd, 0, SEEK_END) = 0
ftruncate(fd, PAGE) = 0
load(m, PAGE) == 0
b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(b, PAGE, 0x5a)
mprotect(b+PAGE, PAGE, PROT_NONE) = 0
n = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED|MAP_NORESERVE, fd, 0)
lseek(fd, PAGE, SEEK_SET) = 4096
write(fd, b, 2*PAGE) = 4096
mincore(n, 4*PAGE) == 1 1 1 0
lseek(fd, 0, SEEK_END) = 8192
lseek(fd, 3*PAGE-16, SEEK_SET) = 12272
write(fd, b+PAGE-16, 2*PAGE) = 16
mincore(n, 4*PAGE) == 1 1 1 1
lseek(fd, 0, SEEK_END) = 12288
