# The map_fixed_noreplace selftest as one sequence: with three pages mapped in the middle
# of a five-page range, MAP_FIXED_NOREPLACE fails with EEXIST for a full, an inner, a
# tail and a head overlap, and succeeds for the free pages at either end.
# Source: selftests map_fixed_noreplace.c (catalog §9); kernel-spec.md §9.1.
r = mmap(NULL, 5*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r, 5*PAGE) = 0
mmap(r, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = r
munmap(r, 5*PAGE) = 0
mmap(r+PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = r+PAGE
mmap(r, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
mmap(r+2*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
maps(r+PAGE) == r+PAGE..r+4*PAGE rw-p
mmap(r, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = r
mmap(r+4*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = r+4*PAGE
# The three mappings have the same attributes and merge into one.
maps(r) == r..r+5*PAGE rw-p
munmap(r, 5*PAGE) = 0
vmas(r, 5*PAGE) == 0
