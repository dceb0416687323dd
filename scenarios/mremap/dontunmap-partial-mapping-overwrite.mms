# MREMAP_DONTUNMAP|MREMAP_FIXED of 5 pages into the middle of a 10-page mapping: the
# first 5 destination pages take the source data, the other 5 keep theirs; the source
# reads zero.
# Source: selftests mremap_dontunmap.c mremap_dontunmap_partial_mapping_overwrite; kernel-spec.md §9.4.
requires: root
a = mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 5*PAGE, 0x61)
d = mmap(NULL, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(d, 10*PAGE, 0x62)
mremap(a, 5*PAGE, 5*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE|MREMAP_FIXED, d) = d
load(d, 5*PAGE) == 0x61
load(d+5*PAGE, 5*PAGE) == 0x62
pagemap(d, 10) == present|exclusive*10
load(a, 5*PAGE) == 0
