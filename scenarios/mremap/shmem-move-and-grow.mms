# A shared memfd mapping moved by mremap keeps its file offset, so it maps the same
# pages; grown past the end of the file, the new part raises SIGBUS on access.
# Source: kernel-spec.md §9.4; selftests mremap_dontunmap.c (shmem variant) for the setup.
requires: root
fd = memfd_create("remap", 0)
ftruncate(fd, 4*PAGE) = 0
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+16*PAGE, 16*PAGE) = 0
a = mmap(r, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 0) = r
store(a, 4*PAGE, 0x66)
pagemap(a+2*PAGE, 1) == present|file|exclusive@P1
mremap(a+2*PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+16*PAGE) = r+16*PAGE
maps(r+16*PAGE) == r+16*PAGE..r+18*PAGE rw-s "/memfd:remap (deleted)"
pagemap(r+16*PAGE, 1) == present|file|exclusive@P1
mremap(r+16*PAGE, 2*PAGE, 4*PAGE, 0, 0) = r+16*PAGE
maps(r+16*PAGE) == r+16*PAGE..r+20*PAGE rw-s "/memfd:remap (deleted)"
load(r+16*PAGE, 2*PAGE) == 0x66
load(r+18*PAGE, 1) => SIGBUS BUS_ADRERR at r+18*PAGE
ftruncate(fd, 6*PAGE) = 0
load(r+18*PAGE, 2*PAGE) == 0
