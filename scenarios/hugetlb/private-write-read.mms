# A private MAP_HUGETLB mapping is one 2 MiB page: a write to its first byte faults in all of it,
# so every 4 KiB pagemap entry is present and exclusive, and the untouched rest reads 0.
# Source: kernel-spec.md §1.4 (hugetlb) and §1.6; selftests map_hugetlb.c, hugetlb-madvise.c.
requires: root, hugetlb
h = mmap(NULL, HPAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0)
vmflags(h) has ht
pagemap(h, 512) == none
store(h, 1, 0x77)
pagemap(h, 512) == present|exclusive
load(h, 2) == 0x77 0x00
load(h+HPAGE-PAGE, PAGE) == 0
smaps(h).KernelPageSize == 2048 kB
smaps(h).Private_Hugetlb == 2048 kB
