# The mapping type (flags & 0xf) must be MAP_SHARED or MAP_PRIVATE (or, for files,
# MAP_SHARED_VALIDATE): neither bit, both bits on an anonymous mapping and unknown
# type values are EINVAL.
# Source: kernel-spec.md §9.1 (type bits).
mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_SHARED_VALIDATE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, 0x4|MAP_ANONYMOUS, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, 0x5|MAP_ANONYMOUS, -1, 0) = -1 EINVAL
fd = memfd_create("types", 0)
ftruncate(fd, PAGE) = 0
mmap(NULL, PAGE, PROT_READ, 0, fd, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, 0x6, fd, 0) = -1 EINVAL
# The two valid types each give one mapping.
p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(p) == p..p+PAGE r--p
s = mmap(NULL, PAGE, PROT_READ, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
maps(s) == s..s+PAGE r--s "/dev/zero (deleted)"
