# MREMAP_DONTUNMAP on a shared memfd mapping (allowed since 5.13): the new range
# maps the file's pages, the old range stays mapped and re-faults the same file data.
# Source: selftests mremap_dontunmap.c mremap_dontunmap_simple_shmem; kernel-spec.md §9.4.
requires: root
fd = memfd_create("dontunmap", 0)
ftruncate(fd, 5*PAGE) = 0
a = mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 5*PAGE, 0x61)
pagemap(a, 1) == present|file|exclusive@P1
b = mremap(a, 5*PAGE, 5*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE, 0)
pagemap(b, 5) == present|file|exclusive*5
pagemap(a, 5) == none*5
maps(a) == a..a+5*PAGE rw-s
load(b, 5*PAGE) == 0x61
# The old range faults the page cache back in: the same frames as the new range.
load(a, 5*PAGE) == 0x61
pfn(a) == pfn(b)
pagemap(a, 1) == present|file@P1
