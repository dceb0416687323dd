# MAP_FIXED over the middle of a mapping replaces those pages: the old VMA is split
# around the new one, the replaced pages' data is gone, and the new mapping starts empty.
# Source: kernel-spec.md §9.1 (MAP_FIXED), §9.5 (split).
requires: root
y = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(y, 4*PAGE, 0x61)
mmap(y+PAGE, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = y+PAGE
vmas(y, 4*PAGE) == 3
maps(y+PAGE) == y+PAGE..y+3*PAGE r--p
pagemap(y, 4) == present|exclusive, none*2, present|exclusive
load(y, 4*PAGE) == 0x61*PAGE 0*8192 0x61*PAGE
store(y+PAGE, 1, 0) => SIGSEGV SEGV_ACCERR at y+PAGE
