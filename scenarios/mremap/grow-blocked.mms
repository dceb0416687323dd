# Growing in place when the next VMA is in the way fails with ENOMEM without
# MREMAP_MAYMOVE; with it the mapping moves elsewhere, with its pages, and the old
# range is unmapped.
# Source: kernel-spec.md §9.4; mm/mremap.c expand_vma().
requires: root
r = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
store(a, 2*PAGE, 0x47)
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
mremap(a, 2*PAGE, 4*PAGE, 0, 0) = -1 ENOMEM
maps(a) == a..a+2*PAGE rw-p
b = mremap(a, 2*PAGE, 4*PAGE, MREMAP_MAYMOVE, 0)
maps(b) == b..b+4*PAGE rw-p
pagemap(b, 4) == present|exclusive@P1, present|exclusive@P2, none*2
load(b, 4*PAGE) == 0x47*2*PAGE 0*2*PAGE
vmas(a, 2*PAGE) == 0
maps(r+2*PAGE) == r+2*PAGE..r+8*PAGE ---p
