# MAP_FIXED needs a page-aligned address (EINVAL otherwise), while an unaligned hint
# without MAP_FIXED is only a hint: it is rounded down to its page and taken if free.
# Source: kernel-spec.md §9.1 (MAP_FIXED alignment, non-fixed unaligned hint).
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+2*PAGE, 4*PAGE) = 0
mmap(r+2*PAGE+1, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 EINVAL
mmap(r+2*PAGE+2048, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EINVAL
vmas(r, 8*PAGE) == 2
mmap(r+3*PAGE+1, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = r+3*PAGE
maps(r+3*PAGE) == r+3*PAGE..r+4*PAGE r--p
