# Moving the middle of a VMA elsewhere splits it: the two outer parts stay as separate
# VMAs around a hole, and the moved part keeps its frames and data.
# Source: kernel-spec.md §9.4, §9.5 (partial mremap splits).
requires: root
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
store(a, 2*PAGE, 0x61)
store(a+2*PAGE, 2*PAGE, 0x62)
store(a+4*PAGE, 2*PAGE, 0x63)
pagemap(a+2*PAGE, 1) == present|exclusive@P1
mremap(a+2*PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+16*PAGE) = r+16*PAGE
maps(a) == a..a+2*PAGE rw-p
maps(a+4*PAGE) == a+4*PAGE..a+6*PAGE rw-p
vmas(a+2*PAGE, 2*PAGE) == 0
pagemap(r+16*PAGE, 1) == present|exclusive@P1
load(r+16*PAGE, 2*PAGE) == 0x62
# Moved back to where it came from, it merges with both parts again.
mremap(r+16*PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+2*PAGE) = a+2*PAGE
maps(a) == a..a+6*PAGE rw-p
load(a, 6*PAGE) == 0x61*2*PAGE 0x62*2*PAGE 0x63*2*PAGE
