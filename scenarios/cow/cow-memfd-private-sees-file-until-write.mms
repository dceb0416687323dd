# A private file mapping that has only been read maps the page-cache page itself, so it
# sees later writes through a shared mapping; after its own write it has a private copy
# and stops seeing them.
# Source: kernel-spec.md §1.6 (private file read then COW write), selftests cow.c non-anon
# "Basic COW" with memfd.
requires: root
fd = memfd_create("cow", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 2*PAGE) == 0
store(s, 2*PAGE, 0x11)
load(p, 2*PAGE) == 0x11
store(p, 1, 0x22)
store(s, 2*PAGE, 0x33)
load(p, 2) == 0x22 0x11
load(p+PAGE, PAGE) == 0x33
pagemap(p, 2) == present|exclusive, present|file
