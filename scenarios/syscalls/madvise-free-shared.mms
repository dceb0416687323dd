# MADV_FREE is for private anonymous memory only: on a shared anonymous mapping, a
# shared memfd mapping or a private memfd mapping it is EINVAL.
# Source: kernel-spec.md §8 (FREE: anon private only, file/shared → EINVAL).
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
madvise(s, PAGE, MADV_FREE) = -1 EINVAL
fd = memfd_create("free", 0)
ftruncate(fd, PAGE) = 0
m = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
madvise(m, PAGE, MADV_FREE) = -1 EINVAL
q = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
madvise(q, PAGE, MADV_FREE) = -1 EINVAL
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(a, PAGE, MADV_FREE) = 0
