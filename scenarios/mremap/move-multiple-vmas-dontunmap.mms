# A multi-VMA move with MREMAP_DONTUNMAP moves every VMA's pages, keeping the gaps, and
# leaves each source VMA mapped but empty.
# Source: selftests mremap_test.c "mremap move multiple vmas [dontunnmap]"; kernel-spec.md §9.4.
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
mremap(a, 11*PAGE, 11*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r+24*PAGE) = r+24*PAGE
vmas(r+24*PAGE, 11*PAGE) == 5
load(r+24*PAGE, PAGE) == 0x10
load(r+24*PAGE+PAGE, 1) => SIGSEGV SEGV_MAPERR
load(r+24*PAGE+2*PAGE, PAGE) == 0x12
load(r+24*PAGE+4*PAGE, 2*PAGE) == 0x14
load(r+24*PAGE+6*PAGE, PAGE) == 0x16
load(r+24*PAGE+8*PAGE, PAGE) == 0x18
load(r+24*PAGE+10*PAGE, PAGE) == 0x1a
vmas(a, 11*PAGE) == 5
pagemap(a, 11) == none*11
load(a+4*PAGE, 2*PAGE) == 0
