# MREMAP_DONTUNMAP|MREMAP_FIXED onto an existing mapping replaces it: the call returns
# the destination, which now holds the source data; the source reads zero.
# Source: selftests mremap_dontunmap.c mremap_dontunmap_simple_fixed; kernel-spec.md §9.4.
requires: root
a = mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 5*PAGE, 0x61)
d = mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(d, 5*PAGE, 0x62)
pagemap(a, 1) == present|exclusive@P1
mremap(a, 5*PAGE, 5*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE|MREMAP_FIXED, d) = d
pagemap(d, 5) == present|exclusive@P1, present|exclusive*4
load(d, 5*PAGE) == 0x61
pagemap(a, 5) == none*5
load(a, 5*PAGE) == 0
