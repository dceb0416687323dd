# Truncating a memfd to a size inside a page keeps that last page mapped everywhere: its tail
# is zeroed in the file (so also in a private mapping that still maps the cache page), but a
# private COW copy of it keeps all its data; whole pages past EOF go from every mapping.
# Source: mm/shmem.c shmem_setattr (unmap_mapping_range from round_up(newsize, PAGE_SIZE),
# even_cows), mm/shmem.c shmem_undo_range (partial page zeroed).
requires: root
fd = memfd_create("partial", 0)
ftruncate(fd, 3*PAGE) = 0
s = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 3*PAGE, 0x5a)
p = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 1) == 0x5a
store(p+PAGE, PAGE, 0x66)
load(p+2*PAGE, 1) == 0x5a
pagemap(p, 3) == present|file@P1, present|exclusive@P2, present|file@P3
ftruncate(fd, PAGE+16) = 0
pagemap(s, 3) == present|file@P1, present|file|exclusive@P4, none
pagemap(p, 3) == present|file@P1, present|exclusive@P2, none
load(s+PAGE, 32) == 0x5a*16 0*16
load(p+PAGE, PAGE) == 0x66
mincore(s, 3*PAGE) == 1 1 0
ftruncate(fd, 16) = 0
pagemap(p, 3) == present|file@P1, none*2
load(p, 32) == 0x5a*16 0*16
load(p+PAGE, 1) => SIGBUS BUS_ADRERR at p+PAGE
