# Closing a memfd does not end its mappings: they keep the file alive, keep their data and
# stay shared with each other; the closed descriptor is gone (EBADF).
# Source: kernel-spec.md §10 (shmem), mm/memfd.c.
requires: root
fd = memfd_create("close", 0)
ftruncate(fd, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, PAGE, 0x11)
close(fd) = 0
load(b, PAGE) == 0x11
store(b+PAGE, PAGE, 0x22)
load(a+PAGE, PAGE) == 0x22
pfn(a+PAGE) == pfn(b+PAGE)
maps(a) == a..a+2*PAGE rw-s "/memfd:close (deleted)"
ftruncate(fd, PAGE) = -1 EBADF
close(fd) = -1 EBADF
