# MADV_POPULATE_READ/WRITE over a range with a hole fail with ENOMEM: over the whole
# range, from the hole on, and up to and including the hole. Pages before the hole are
# populated first (the zero page for a read, a private page for a write); the page
# after the hole is not reached.
# Source: selftests madv_populate.c test_holes; kernel-spec.md §8 (holes → ENOMEM).
requires: zero-page
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+PAGE, PAGE) = 0
madvise(a, 3*PAGE, MADV_POPULATE_READ) = -1 ENOMEM
pagemap(a, 3) == present, none*2
madvise(a, 3*PAGE, MADV_POPULATE_WRITE) = -1 ENOMEM
pagemap(a, 3) == present|exclusive, none*2
madvise(a+PAGE, 2*PAGE, MADV_POPULATE_READ) = -1 ENOMEM
madvise(a+PAGE, 2*PAGE, MADV_POPULATE_WRITE) = -1 ENOMEM
pagemap(a, 3) == present|exclusive, none*2
madvise(a, 2*PAGE, MADV_POPULATE_READ) = -1 ENOMEM
madvise(a, 2*PAGE, MADV_POPULATE_WRITE) = -1 ENOMEM
