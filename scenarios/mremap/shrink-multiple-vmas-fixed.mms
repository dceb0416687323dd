# Shrinking with MREMAP_MAYMOVE|MREMAP_FIXED over a range of five one-page VMAs with
# gaps: the tail is unmapped and the first page moves to the destination.
# Source: selftests mremap_test.c "mremap shrink multiple vmas" (FIXED); kernel-spec.md §9.4.
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+16*PAGE, 10*PAGE) = 0
a = mmap(r, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
munmap(a+PAGE, PAGE) = 0
munmap(a+3*PAGE, PAGE) = 0
munmap(a+5*PAGE, PAGE) = 0
munmap(a+7*PAGE, PAGE) = 0
munmap(a+9*PAGE, PAGE) = 0
store(a, PAGE, 0x30)
mremap(a, 10*PAGE, PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+16*PAGE) = r+16*PAGE
vmas(a, 10*PAGE) == 0
maps(r+16*PAGE) == r+16*PAGE..r+17*PAGE rw-p
vmas(r+16*PAGE, 10*PAGE) == 1
load(r+16*PAGE, PAGE) == 0x30
