# Every kind of memfd mapping raises SIGBUS BUS_ADRERR for pages past EOF: the tail of a
# shared mapping longer than the file, a mapping whose offset lies past EOF, and a private
# mapping even on write (there is no file page to copy). mmap itself succeeds.
# Source: kernel-spec.md §6.2 (offsets beyond EOF are accepted, access later SIGBUS),
# mm/shmem.c shmem_fault.
requires: root
fd = memfd_create("eof", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x11)
load(s+2*PAGE, 1) => SIGBUS BUS_ADRERR at s+2*PAGE
store(s+3*PAGE+8, 1, 0) => SIGBUS BUS_ADRERR at s+3*PAGE+8
off = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 8*PAGE)
load(off, 1) => SIGBUS BUS_ADRERR at off
p = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p+PAGE, 1, 0x22)
store(p+2*PAGE, 1, 0x22) => SIGBUS BUS_ADRERR at p+2*PAGE
pagemap(p, 4) == none, present|exclusive, none*2
load(p+3*PAGE, 1) => SIGBUS BUS_ADRERR at p+3*PAGE
# MAP_POPULATE stops quietly at EOF.
q = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED|MAP_POPULATE, fd, 0)
pagemap(q, 4) == present|file*2, none*2
