# Basic COW on a memfd page that was out in swap: the private mapping's read brings the file's
# page back and maps it, its write copies it, and the shared view never changes.
# Source: selftests cow.c non-anon "Basic COW" (memfd), with the page cache page swapped out first.
requires: root, swap
fd = memfd_create("cow", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(s, PAGE, 0x5a)
madvise(s, PAGE, MADV_PAGEOUT) = 0
smaps(p).Swap == 4 kB
load(p, PAGE) == 0x5a
pagemap(p, 1) == present|file|exclusive
pagemap(s, 1) == none
load(s, 1) == 0x5a
pfn(p) == pfn(s)
store(p, PAGE, 0xff)
pfn(p) != pfn(s)
load(s, PAGE) == 0x5a
load(p, PAGE) == 0xff
