# MADV_POPULATE_WRITE faults every page in as a write would: before, no page is
# present; after, every page is a private page of its own (present and exclusive),
# including one that was the zero page after a read, whose contents stay zero.
# Source: selftests madv_populate.c test_populate_write; kernel-spec.md §8.
requires: root, zero-page
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(a, 1) == 0
pagemap(a, 4) == present, none*3
madvise(a, 4*PAGE, MADV_POPULATE_WRITE) = 0
pagemap(a, 4) == present|exclusive
pfn(a) != pfn(a+PAGE)
load(a, 4*PAGE) == 0
