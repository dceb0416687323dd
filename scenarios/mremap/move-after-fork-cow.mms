# Moving a mapping whose pages are shared with a child after fork moves the shared
# frames: they stay shared (not exclusive), and a write after the move still copies.
# Source: kernel-spec.md §9.4, §10 (COW after fork).
requires: root
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
store(a, 2*PAGE, 0x63)
fork() => child
# The reservation after it blocks growing in place: the mapping moves.
b = mremap(a, 2*PAGE, 4*PAGE, MREMAP_MAYMOVE, 0)
pfn(b) == pfn(child, a)
pagemap(b, 4) == present*2, none*2
store(b, 1, 0x11)
pfn(b) != pfn(child, a)
pagemap(b, 2) == present|exclusive, present
in child: load(a, 2*PAGE) == 0x63
load(b, 2*PAGE) == 0x11 0x63*8191
exit(child)
pagemap(b, 2) == present|exclusive*2
