# A multi-VMA move with MREMAP_DONTUNMAP whose range starts and ends inside VMAs: only
# the pages in the range move, across the gap; the moved-from parts stay mapped, read
# zero, and merge back with the parts outside the range (two source VMAs again).
# Source: selftests mremap_test.c "mremap move multiple vmas split [dontunnmap]"; kernel-spec.md §9.4.
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+16*PAGE, 16*PAGE) = 0
a = mmap(r, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
munmap(a+5*PAGE, PAGE) = 0
store(a, PAGE, 0x20)
store(a+PAGE, PAGE, 0x21)
store(a+2*PAGE, PAGE, 0x22)
store(a+3*PAGE, PAGE, 0x23)
store(a+4*PAGE, PAGE, 0x24)
store(a+6*PAGE, PAGE, 0x26)
store(a+7*PAGE, PAGE, 0x27)
store(a+8*PAGE, PAGE, 0x28)
store(a+9*PAGE, PAGE, 0x29)
mremap(a+2*PAGE, 7*PAGE, 7*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r+16*PAGE) = r+16*PAGE
load(r+16*PAGE, 3*PAGE) == 0x22*PAGE 0x23*PAGE 0x24*PAGE
load(r+19*PAGE, 1) => SIGSEGV SEGV_MAPERR
load(r+20*PAGE, 3*PAGE) == 0x26*PAGE 0x27*PAGE 0x28*PAGE
vmas(r+16*PAGE, 7*PAGE) == 2
maps(a) == a..a+5*PAGE rw-p
maps(a+9*PAGE) == a+6*PAGE..a+10*PAGE rw-p
load(a, 2*PAGE) == 0x20*PAGE 0x21*PAGE
load(a+9*PAGE, PAGE) == 0x29
vmas(a, 10*PAGE) == 2
load(a+2*PAGE, 3*PAGE) == 0
load(a+6*PAGE, 3*PAGE) == 0
