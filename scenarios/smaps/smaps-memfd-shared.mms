# smaps of a shared memfd mapping: a written page is dirty, a read page clean; mapped by a
# second VMA of the same process the pages are shared and Pss is split between the VMAs.
# Pages fallocate adds are dirty.
# Source: kernel-spec.md §10 (smaps: shared if mapcount ≥ 2, Pss = size / mapcount).
fd = memfd_create("smaps", 0)
ftruncate(fd, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 1, 0x11)
load(a+PAGE, 1) == 0
smaps(a).Rss == 8 kB
smaps(a).Private_Dirty == 4 kB
smaps(a).Private_Clean == 4 kB
smaps(a).Anonymous == 0 kB
b = mmap(NULL, 2*PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(b, 2*PAGE) == 0x11 0*8191
smaps(b).Rss == 8 kB
smaps(b).Pss == 4 kB
smaps(b).Shared_Dirty == 4 kB
smaps(b).Shared_Clean == 4 kB
smaps(a).Pss == 4 kB
smaps(a).Shared_Dirty == 4 kB
smaps(a).Shared_Clean == 4 kB
smaps(a).Private_Clean == 0 kB
# fallocate marks its pages dirty: read-faulted afterwards they count as dirty.
fallocate(fd, 0, 2*PAGE, PAGE) = 0
c = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 2*PAGE)
load(c, 1) == 0
smaps(c).Private_Dirty == 4 kB
