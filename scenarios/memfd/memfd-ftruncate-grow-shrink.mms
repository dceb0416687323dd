# A memfd mapping is only backed up to the file size: pages past EOF raise SIGBUS
# BUS_ADRERR; ftruncate growing the file makes them accessible, shrinking it again
# unmaps them and they raise SIGBUS again.
# Source: kernel-spec.md §8/§10 (shmem), selftests guard-regions.c "truncation" setup.
requires: root
fd = memfd_create("trunc", 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
load(a, 1) => SIGBUS BUS_ADRERR at a
ftruncate(fd, 2*PAGE) = 0
store(a, 2*PAGE, 0x11)
load(a+2*PAGE, 1) => SIGBUS BUS_ADRERR at a+2*PAGE
store(a+3*PAGE, 1, 0x11) => SIGBUS BUS_ADRERR at a+3*PAGE
ftruncate(fd, 4*PAGE) = 0
load(a+2*PAGE, 2*PAGE) == 0
pagemap(a, 4) == present|file|exclusive*4
ftruncate(fd, PAGE) = 0
pagemap(a, 4) == present|file|exclusive, none*3
load(a, PAGE) == 0x11
load(a+PAGE, 1) => SIGBUS BUS_ADRERR at a+PAGE
