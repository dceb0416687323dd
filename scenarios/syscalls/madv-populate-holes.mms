# MADV_POPULATE_READ/WRITE over a range with a hole fail with ENOMEM: over the whole
# range, from the hole on, and up to and including the hole.
# Source: selftests madv_populate.c test_holes; kernel-spec.md §8 (holes → ENOMEM).
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+PAGE, PAGE) = 0
madvise(a, 3*PAGE, MADV_POPULATE_READ) = -1 ENOMEM
madvise(a, 3*PAGE, MADV_POPULATE_WRITE) = -1 ENOMEM
madvise(a+PAGE, 2*PAGE, MADV_POPULATE_READ) = -1 ENOMEM
madvise(a+PAGE, 2*PAGE, MADV_POPULATE_WRITE) = -1 ENOMEM
madvise(a, 2*PAGE, MADV_POPULATE_READ) = -1 ENOMEM
madvise(a, 2*PAGE, MADV_POPULATE_WRITE) = -1 ENOMEM
