# MADV_REMOVE on a shared writable memfd mapping punches a hole in the file: the pages are
# unmapped and read zeros through every mapping; a private mapping gets EACCES.
# Source: kernel-spec.md §8 (REMOVE; not a shared writable mapping → EACCES).
requires: root
fd = memfd_create("remove", 0)
ftruncate(fd, 3*PAGE) = 0
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
b = mmap(NULL, 3*PAGE, PROT_READ, MAP_SHARED, fd, 0)
store(a, 3*PAGE, 0x5a)
load(b, 3*PAGE) == 0x5a
madvise(a+PAGE, PAGE, MADV_REMOVE) = 0
pagemap(a, 3) == present|file, none, present|file
pagemap(b, 3) == present|file, none, present|file
mincore(a, 3*PAGE) == 1 0 1
load(b+PAGE, PAGE) == 0
load(a, PAGE) == 0x5a
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
madvise(p, PAGE, MADV_REMOVE) = -1 EACCES
r = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(r, PAGE, MADV_REMOVE) = -1 EINVAL
