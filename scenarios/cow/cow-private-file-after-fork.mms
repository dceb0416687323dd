# A private file mapping after fork: its COW copy is shared by parent and child until one
# writes it, and a write to a still-file-backed page gives the writer an anonymous copy; the
# file and the other process are never affected.
# Source: selftests cow.c non-anon "Basic COW" (memfd), kernel-spec.md §10 (copy_page_range).
requires: root
fd = memfd_create("cow", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x44)
p = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE, fd, 0)
load(p, 2*PAGE) == 0x44
mprotect(p, 2*PAGE, PROT_READ|PROT_WRITE) = 0
store(p, 1, 0x55)
pagemap(p, 2) == present|exclusive@P1, present|file@P2
fork() => child
pagemap(p, 2) == present@P1, present|file@P2
in child: store(p, 1, 0x66)
in child: pagemap(p, 2) == present|exclusive@P3, present|file@P2
pagemap(p, 2) == present|exclusive@P1, present|file@P2
in child: store(p+PAGE, 1, 0x77)
in child: pagemap(p, 2) == present|exclusive@P3, present|exclusive@P4
pagemap(p, 2) == present|exclusive@P1, present|file@P2
load(p, 2) == 0x55 0x44
load(p+PAGE, 1) == 0x44
load(s, 2*PAGE) == 0x44
in child: load(p, 2) == 0x66 0x44
in child: load(p+PAGE, 1) == 0x77
