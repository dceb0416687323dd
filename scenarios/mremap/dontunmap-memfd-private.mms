# MREMAP_DONTUNMAP of a private memfd mapping: the private copies move to the new range;
# the old range stays mapped and re-faults the file's own data, not the copies.
# Source: selftests mremap_dontunmap.c (shmem variant, private mapping);
# kernel-spec.md §9.4.
requires: root
fd = memfd_create("dontunmap", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x66)
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(a, PAGE, 0x70)
load(a+PAGE, 1) == 0x66
pagemap(a, 2) == present|exclusive@P1, present|file@P2
b = mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)
pagemap(b, 2) == present|exclusive@P1, present|file@P2
load(b, 2*PAGE) == 0x70*PAGE 0x66*PAGE
pagemap(a, 2) == none*2
load(a, 2*PAGE) == 0x66
maps(a) == a..a+2*PAGE rw-p "/memfd:dontunmap (deleted)"
