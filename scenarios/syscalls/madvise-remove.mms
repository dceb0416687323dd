# MADV_REMOVE punches a hole in the file behind a shared mapping that may be written
# (VM_SHARED|VM_MAYWRITE: a read-only mapping of a writable descriptor will do): the data
# is gone for every mapping of the file. A private file mapping is EACCES; private
# anonymous memory (no file) is EINVAL; shared anonymous memory is shmem and works.
# Source: kernel-spec.md §8 (REMOVE: private memfd → EACCES, anon private → EINVAL).
fd = memfd_create("remove", 0)
ftruncate(fd, 3*PAGE) = 0
m = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
n = mmap(NULL, 3*PAGE, PROT_READ, MAP_SHARED, fd, 0)
store(m, 3*PAGE, 0x77)
q = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
madvise(q, 3*PAGE, MADV_REMOVE) = -1 EACCES
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(a, PAGE, MADV_REMOVE) = -1 EINVAL
load(n, 3*PAGE) == 0x77
madvise(m+PAGE, PAGE, MADV_REMOVE) = 0
load(n, 3*PAGE) == 0x77*PAGE 0*PAGE 0x77*PAGE
madvise(n+2*PAGE, PAGE, MADV_REMOVE) = 0
load(m, 3*PAGE) == 0x77*PAGE 0*8192
# Through a mapping at a file offset, the hole is punched at that offset of the file.
o = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, PAGE)
store(m, 3*PAGE, 0x78)
madvise(o+PAGE, PAGE, MADV_REMOVE) = 0
load(n, 3*PAGE) == 0x78*8192 0*PAGE
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(s, PAGE, 0x12)
madvise(s, PAGE, MADV_REMOVE) = 0
load(s, PAGE) == 0
