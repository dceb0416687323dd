# MREMAP_DONTUNMAP moves the pages of a private anonymous mapping and leaves the
# old range mapped but empty: it reads zero afterwards.
# Source: selftests mremap_dontunmap.c mremap_dontunmap_simple; kernel-spec.md §9.4.
requires: root, zero-page
a = mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 5*PAGE, 0x61)
pagemap(a, 5) == present|exclusive@P1, present|exclusive*4
b = mremap(a, 5*PAGE, 5*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE, 0)
# The frames themselves moved: the first page of b is the old first page of a.
pagemap(b, 5) == present|exclusive@P1, present|exclusive*4
pagemap(a, 5) == none*5
maps(a) == a..a+5*PAGE rw-p
load(b, 5*PAGE) == 0x61
load(a, 5*PAGE) == 0
pagemap(a, 5) == present*5
