# On a write-only private anonymous mapping MADV_POPULATE_READ fails with EINVAL (the VMA
# has no VM_READ) and MADV_POPULATE_WRITE succeeds, faulting in private pages.
# Source: selftests madv_populate.c test_prot_write; kernel-spec.md §8 (POPULATE_READ/WRITE).
requires: root
a = mmap(NULL, 4*PAGE, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(a) == a..a+4*PAGE -w-p
madvise(a, 4*PAGE, MADV_POPULATE_READ) = -1 EINVAL
pagemap(a, 4) == none
madvise(a, 4*PAGE, MADV_POPULATE_WRITE) = 0
pagemap(a, 4) == present|exclusive
