# Growing a faulted mapping in place up to the next VMA merges with it when that VMA is
# unfaulted or shares the anon_vma, and not when it has an anon_vma of its own.
# Source: selftests mremap_test.c "mremap expand merge" with faulted pages;
# kernel-spec.md §9.5; mm/vma.c vma_merge_extend().
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
# Same anon_vma: both parts of one faulted mapping.
a = mmap(r, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
store(a, 3*PAGE, 0x61)
munmap(a+PAGE, PAGE) = 0
mremap(a, PAGE, 2*PAGE, 0, 0) = a
maps(a) == a..a+3*PAGE rw-p
# Unfaulted next VMA.
b = mmap(r+8*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+8*PAGE
store(b, PAGE, 0x62)
c = mmap(r+10*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+10*PAGE
munmap(r+9*PAGE, PAGE) = 0
mremap(b, PAGE, 2*PAGE, 0, 0) = b
maps(b) == b..b+3*PAGE rw-p
# A next VMA faulted on its own has another anon_vma: the grown VMA stays separate.
d = mmap(r+16*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+16*PAGE
store(d, PAGE, 0x64)
e = mmap(r+18*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+18*PAGE
store(e, PAGE, 0x65)
munmap(r+17*PAGE, PAGE) = 0
mremap(d, PAGE, 2*PAGE, 0, 0) = d
maps(d) == d..d+2*PAGE rw-p
maps(e) == e..e+PAGE rw-p
load(d, 2*PAGE) == 0x64*PAGE 0*PAGE
