# MADV_POPULATE_READ faults every page in as a read would: before, no page is present;
# after, all are (the zero page for anonymous memory: present, not exclusive), and
# pages already written keep their own frames.
# Source: selftests madv_populate.c test_populate_read; kernel-spec.md §8.
requires: root, zero-page
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a+3*PAGE, 1, 0x44)
pagemap(a, 4) == none*3, present|exclusive@P1
madvise(a, 4*PAGE, MADV_POPULATE_READ) = 0
pagemap(a, 4) == present*3, present|exclusive@P1
pfn(a) == pfn(a+PAGE)
load(a, 3*PAGE) == 0
