# MAP_POPULATE of a writable private file mapping prefaults it with write semantics: COW is
# broken up front, so a later write through a shared mapping of the file is not seen.
# Source: selftests map_populate.c (parent shared writer, child MAP_PRIVATE|MAP_POPULATE
# reader); kernel-spec.md §9.1.
requires: root
fd = memfd_create("populate", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, "\xbe\xba\xad\xde")
fork() => child
in child: p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_POPULATE, fd, 0)
in child: pagemap(p, 1) == present|exclusive
in child: load(p, 4) == "\xbe\xba\xad\xde"
store(s, "\xad\x2b\x22\x22")
in child: load(p, 4) == "\xbe\xba\xad\xde"
