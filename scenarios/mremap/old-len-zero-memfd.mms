# mremap with old_len 0 of a memfd mapping: a shared one is duplicated, also to a
# MREMAP_FIXED destination that it replaces; a private one fails with EINVAL.
# Source: kernel-spec.md §9.4 (old_len 0 only for shared mappings).
requires: root
fd = memfd_create("dup", 0)
ftruncate(fd, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 2*PAGE, 0x64)
d = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mremap(a, 0, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, d) = d
maps(d) == d..d+2*PAGE rw-s "/memfd:dup (deleted)"
maps(a) == a..a+2*PAGE rw-s "/memfd:dup (deleted)"
load(d, 2*PAGE) == 0x64
pfn(d) == pfn(a)
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
mremap(p, 0, 2*PAGE, MREMAP_MAYMOVE, 0) = -1 EINVAL
