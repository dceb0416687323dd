# Growing a mapping in place into the hole left by munmap merges it with the mapping
# after the hole: the three pages are one VMA again.
# Source: selftests mremap_test.c "mremap expand merge"; kernel-spec.md §9.4, §9.5.
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+PAGE, PAGE) = 0
vmas(a, 3*PAGE) == 2
mremap(a, PAGE, 2*PAGE, 0, 0) = a
vmas(a, 3*PAGE) == 1
maps(a) == a..a+3*PAGE rw-p
