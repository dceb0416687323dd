# MAP_FIXED_NOREPLACE fails with EEXIST when any page of the range is mapped, even a
# single page at either end, and leaves the existing mapping untouched; over a free
# range it maps exactly there.
# Source: kernel-spec.md §9.1 (MAP_FIXED_NOREPLACE EEXIST incl. partial overlap).
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r, 2*PAGE) = 0
munmap(r+6*PAGE, 2*PAGE) = 0
mmap(r+2*PAGE, 4*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
mmap(r+PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
mmap(r+5*PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
mmap(r, 8*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
maps(r+2*PAGE) == r+2*PAGE..r+6*PAGE ---p
vmas(r+PAGE, PAGE) == 0
vmas(r+6*PAGE, PAGE) == 0
# The free pages next to the reservation can be taken.
mmap(r, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = r
mmap(r+6*PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = r+6*PAGE
vmas(r, 8*PAGE) == 3
