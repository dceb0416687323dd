# A MAP_SHARED memfd mapping stays shared across fork, and the child inherits the
# descriptor: a mapping the child makes later sees the parent's writes too.
# Source: kernel-spec.md §10 (shared mappings after fork).
requires: root
fd = memfd_create("shared", 0)
ftruncate(fd, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, PAGE, 0x11)
fork() => child
in child: store(a, 1, 0x22)
load(a, 2) == 0x22 0x11
in child: b = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
store(a+1, 1, 0x44)
in child: load(b, 2) == 0x22 0x44
pfn(a) == pfn(child, b)
