# MAP_POPULATE on file mappings: a writable private mapping is prefaulted with write
# faults, so it holds private copies up front (present|exclusive, no file bit) and does
# not see later writes through a shared mapping; a read-only private mapping maps the
# page cache pages themselves; pages beyond EOF are skipped without an error.
# Source: selftests map_populate.c; kernel-spec.md §9.1 (MAP_POPULATE prefault semantics).
requires: root
fd = memfd_create("populate", 0)
ftruncate(fd, 3*PAGE) = 0
m = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m, 2*PAGE, 0x51)
q = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_POPULATE, fd, 0)
pagemap(q, 3) == present|exclusive
store(m, 3*PAGE, 0x52)
load(q, 3*PAGE) == 0x51*8192 0*PAGE
r = mmap(NULL, 3*PAGE, PROT_READ, MAP_PRIVATE|MAP_POPULATE, fd, 0)
pagemap(r, 3) == present|file
pfn(r) == pfn(m)
pfn(r+2*PAGE) == pfn(m+2*PAGE)
e = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED|MAP_POPULATE, fd, 0)
pagemap(e, 4) == present|file*3, none
