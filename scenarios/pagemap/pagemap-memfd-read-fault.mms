# A read fault on a shared memfd mapping allocates a page-cache page (no zero page for
# shmem): present, file and exclusive.
# Source: kernel-spec.md §1.1 (bit 61: page cache incl. memfd), §1.6.
requires: root
fd = memfd_create("pm", 0)
ftruncate(fd, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(a, PAGE) == 0
pagemap(a, 1) == present|file|exclusive
z = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(z, 1) == 0
pfn(a) != pfn(z)
