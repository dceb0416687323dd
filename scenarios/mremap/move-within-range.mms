# Moving the upper half of a block onto the upper half of the block below it, inside
# one mapping, leaves the unmoved lower half of the source block intact.
# Scaled down from 1 MiB halves to 4 pages; the 2 MiB alignment cannot be written.
# Source: selftests mremap_test.c "mremap move within range"; kernel-spec.md §9.4.
a = mmap(NULL, 20*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 20*PAGE, 0)
store(a+12*PAGE, 4*PAGE, 0x53)
store(a+16*PAGE, 4*PAGE, 0x73)
mremap(a+16*PAGE, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+12*PAGE-4*PAGE) = a+8*PAGE
load(a+12*PAGE, 4*PAGE) == 0x53
load(a+8*PAGE, 4*PAGE) == 0x73
# The moved VMA keeps the page offset of its old place, so it merges with neither side.
vmas(a, 20*PAGE) == 3
vmas(a+16*PAGE, 4*PAGE) == 0
