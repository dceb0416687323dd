# The shared zero page is not counted in Rss; a private file mapping's read page counts as
# clean and not anonymous, and its COW copy as private dirty anonymous memory.
# Source: kernel-spec.md §10 (Rss excludes the zero page; Anonymous = anon folios).
requires: root, zero-page
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(a, 2*PAGE) == 0
smaps(a).Rss == 0 kB
smaps(a).Pss == 0 kB
fd = memfd_create("smaps", 0)
ftruncate(fd, 2*PAGE) = 0
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 2*PAGE) == 0
smaps(p).Rss == 8 kB
smaps(p).Private_Clean == 8 kB
smaps(p).Anonymous == 0 kB
store(p, 1, 0x11)
smaps(p).Rss == 8 kB
smaps(p).Private_Clean == 4 kB
smaps(p).Private_Dirty == 4 kB
smaps(p).Anonymous == 4 kB
