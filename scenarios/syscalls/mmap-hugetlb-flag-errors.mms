# Anonymous MAP_HUGETLB maps a fresh hugetlbfs file, so it is checked as a file mapping:
# the huge page size field (bits 26..31) must name a size x86-64 has (2 MiB or 1 GiB),
# a zero length, a type other than SHARED/PRIVATE/SHARED_VALIDATE, or MAP_GROWSDOWN are
# EINVAL. MAP_HUGETLB on a descriptor that is not on hugetlbfs is EINVAL too. Only
# argument errors are shown: whether a valid request succeeds depends on the huge page pool.
# Source: kernel-spec.md §9.1 (type bits, MAP_HUGETLB); mm/mmap.c ksys_mmap_pgoff, do_mmap.
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|12*0x4000000, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|16*0x4000000, -1, 0) = -1 EINVAL
mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|MAP_GROWSDOWN, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB, -1, 1) = -1 EINVAL
fd = memfd_create("not-huge", 0)
ftruncate(fd, PAGE) = 0
mmap(NULL, PAGE, PROT_READ, MAP_SHARED|MAP_HUGETLB, fd, 0) = -1 EINVAL
# Without MAP_HUGETLB the size field is ignored.
a = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|16*0x4000000, -1, 0)
maps(a) == a..a+PAGE r--p
