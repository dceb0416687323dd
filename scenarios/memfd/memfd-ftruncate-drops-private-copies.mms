# Truncation removes pages past EOF from every mapping, private COW copies included: a
# private mapping's copied page beyond the new size raises SIGBUS too.
# Source: kernel-spec.md §10, mm/truncate.c truncate_pagecache (unmap_mapping_range with even_cows).
requires: root
fd = memfd_create("trunc", 0)
ftruncate(fd, 2*PAGE) = 0
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p, 2*PAGE, 0x33)
pagemap(p, 2) == present|exclusive*2
ftruncate(fd, PAGE) = 0
pagemap(p, 2) == present|exclusive, none
load(p, PAGE) == 0x33
load(p+PAGE, 1) => SIGBUS BUS_ADRERR at p+PAGE
