# MREMAP_DONTUNMAP of the first half of a mapping: the moved half reads its data at the
# destination and zero at the source; the untouched half keeps its data.
# Source: selftests mremap_dontunmap.c mremap_dontunmap_partial_mapping; kernel-spec.md §9.4.
requires: root
a = mmap(NULL, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 10*PAGE, 0x61)
b = mremap(a, 5*PAGE, 5*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE, 0)
load(b, 5*PAGE) == 0x61
pagemap(b, 5) == present|exclusive*5
pagemap(a, 10) == none*5, present|exclusive*5
load(a, 5*PAGE) == 0
load(a+5*PAGE, 5*PAGE) == 0x61
maps(a) == a..a+10*PAGE rw-p
