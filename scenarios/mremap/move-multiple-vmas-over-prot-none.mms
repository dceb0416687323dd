# A multi-VMA move over an existing PROT_NONE mapping replaces it where the moved VMAs
# land; the destination pages that fall in the source's gaps keep the PROT_NONE mapping,
# because each VMA unmaps only its own destination.
# Source: selftests mremap_test.c "mremap move multiple vmas" (move over an existing
# mapping); kernel-spec.md §9.4; mm/mremap.c remap_move().
r = mmap(NULL, 48*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+12*PAGE, 36*PAGE) = 0
a = mmap(r, 11*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
# Five VMAs separated by one-page gaps: pages 0, 2, 4-6, 8 and 10.
munmap(a+PAGE, PAGE) = 0
munmap(a+3*PAGE, PAGE) = 0
munmap(a+7*PAGE, PAGE) = 0
munmap(a+9*PAGE, PAGE) = 0
store(a, PAGE, 0x10)
store(a+2*PAGE, PAGE, 0x12)
store(a+4*PAGE, 2*PAGE, 0x14)
store(a+6*PAGE, PAGE, 0x16)
store(a+8*PAGE, PAGE, 0x18)
store(a+10*PAGE, PAGE, 0x1a)
t = mmap(r+24*PAGE, 11*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+24*PAGE
mremap(a, 11*PAGE, 11*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, t) = t
maps(t+PAGE) == t+PAGE..t+2*PAGE ---p
maps(t+9*PAGE) == t+9*PAGE..t+10*PAGE ---p
vmas(t, 11*PAGE) == 9
load(t, PAGE) == 0x10
load(t+2*PAGE, PAGE) == 0x12
load(t+4*PAGE, 2*PAGE) == 0x14
load(t+6*PAGE, PAGE) == 0x16
load(t+8*PAGE, PAGE) == 0x18
load(t+10*PAGE, PAGE) == 0x1a
load(t+PAGE, 1) => SIGSEGV SEGV_ACCERR at t+PAGE
