# On a read-only private anonymous mapping MADV_POPULATE_READ succeeds (mapping the
# zero page) and MADV_POPULATE_WRITE fails with EINVAL.
# Source: selftests madv_populate.c test_prot_read; kernel-spec.md §8 (POPULATE_READ/WRITE).
requires: zero-page
a = mmap(NULL, 4*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(a, 4*PAGE, MADV_POPULATE_READ) = 0
pagemap(a, 4) == present
madvise(a, 4*PAGE, MADV_POPULATE_WRITE) = -1 EINVAL
pagemap(a, 4) == present
