# Growing the middle page of a mapping in place, after its tail was unmapped, merges
# it back with the first page: the three pages are one VMA again.
# Source: selftests mremap_test.c "mremap expand merge offset"; kernel-spec.md §9.4, §9.5.
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+2*PAGE, PAGE) = 0
mremap(a+PAGE, PAGE, 2*PAGE, 0, 0) = a+PAGE
vmas(a, 3*PAGE) == 1
maps(a) == a..a+3*PAGE rw-p
