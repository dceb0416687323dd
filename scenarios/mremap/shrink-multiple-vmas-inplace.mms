# Shrinking in place over a range of five one-page VMAs separated by gaps unmaps
# every VMA after the first page.
# Source: selftests mremap_test.c "mremap shrink multiple vmas [inplace]"; kernel-spec.md §9.4.
a = mmap(NULL, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+PAGE, PAGE) = 0
munmap(a+3*PAGE, PAGE) = 0
munmap(a+5*PAGE, PAGE) = 0
munmap(a+7*PAGE, PAGE) = 0
munmap(a+9*PAGE, PAGE) = 0
store(a, PAGE, 0x30)
vmas(a, 10*PAGE) == 5
mremap(a, 10*PAGE, PAGE, 0, 0) = a
vmas(a, 10*PAGE) == 1
maps(a) == a..a+PAGE rw-p
load(a, PAGE) == 0x30
