# MAP_POPULATE of a read-only private file mapping maps the page-cache pages themselves (no
# COW is broken), so later writes through a shared mapping are seen.
# Source: kernel-spec.md §9.1 (only writable private mappings are prefaulted for write).
requires: root
fd = memfd_create("populate", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x11)
p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_POPULATE, fd, 0)
pagemap(p, 1) == present|file
pfn(p) == pfn(s)
store(s, PAGE, 0x22)
load(p, PAGE) == 0x22
