# Basic COW on a memfd page: a private mapping first maps the page-cache page; its write
# gets an anonymous copy and neither the file nor a shared view of it ever changes.
# Source: selftests cow.c non-anon "Basic COW" with memfd; kernel-spec.md §1.5, §1.6.
requires: root
fd = memfd_create("cow", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(s, PAGE, 0x5a)
load(p, PAGE) == 0x5a
pfn(p) == pfn(s)
pagemap(p, 1) == present|file
store(p, PAGE, 0xff)
pfn(p) != pfn(s)
pagemap(p, 1) == present|exclusive
pagemap(s, 1) == present|file|exclusive
load(s, PAGE) == 0x5a
# A fresh view of the file shows the file's data, not the private copy.
v = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(v, PAGE) == 0x5a
load(p, PAGE) == 0xff
