# madvise on hugetlb works in whole huge pages: MADV_DONTNEED must start on a huge-page boundary
# and rounds its end down, MADV_PAGEOUT refuses hugetlb, and DONTNEED of the page frees it.
# Source: selftests hugetlb-madvise.c; kernel-spec.md §8 (DONTNEED, PAGEOUT on hugetlb).
requires: root, hugetlb
h = mmap(NULL, 2*HPAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0)
store(h, 2*HPAGE, 0x33)
pagemap(h+HPAGE-PAGE, 2) == present|exclusive
madvise(h+PAGE, HPAGE, MADV_DONTNEED) = -1 EINVAL
madvise(h, HPAGE, MADV_PAGEOUT) = -1 EINVAL
madvise(h, HPAGE+PAGE, MADV_DONTNEED) = 0
pagemap(h, 1) == none
pagemap(h+HPAGE-PAGE, 2) == none, present|exclusive
load(h, 1) == 0
load(h+HPAGE, 1) == 0x33
