# A forked child shares the memfd's open file: its ftruncate shrinks the file for the parent
# too (the parent's access past the new EOF raises SIGBUS), while closing its descriptor does
# not affect the parent's. A mapping outlives the process that created the file.
# Source: kernel-spec.md §10 (shared mappings after fork), mm/shmem.c shmem_setattr.
requires: root
fd = memfd_create("child", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x11)
fork() => child
in child: ftruncate(fd, PAGE) = 0
load(s+PAGE, 1) => SIGBUS BUS_ADRERR at s+PAGE
in child: load(s+PAGE, 1) => SIGBUS BUS_ADRERR at s+PAGE
in child: close(fd) = 0
ftruncate(fd, 2*PAGE) = 0
load(s, 2*PAGE) == 0x11*4096 0*4096
in child: load(s+PAGE, 1) == 0
exit(main)
in child: load(s, 1) == 0x11
in child: pagemap(s, 2) == present|file|exclusive*2
