# File mappings: a descriptor that is not open gives EBADF (also -1 without
# MAP_ANONYMOUS), an offset that is not page aligned EINVAL; MAP_ANONYMOUS ignores fd.
# Source: kernel-spec.md §9.1 (bad fd EBADF, offset alignment).
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0) = -1 EBADF
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, 999, 0) = -1 EBADF
fd = memfd_create("file-errors", 0)
ftruncate(fd, 4*PAGE) = 0
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 1) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 2048) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 1) = -1 EINVAL
m = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 2*PAGE)
maps(m) == m..m+PAGE r--s "/memfd:file-errors (deleted)"
# A closed descriptor is as bad as one never opened.
close(fd) = 0
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0) = -1 EBADF
# With MAP_ANONYMOUS the descriptor is not looked at.
a = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, 999, 0)
maps(a) == a..a+PAGE r--p
