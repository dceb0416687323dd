# An unfaulted VMA moved between two faulted VMAs with different anon_vmas merges only
# with the one before it: the two anon_vmas cannot become one.
# Source: selftests merge.c mremap_unfaulted_between_faulted; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+7*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+7*PAGE
c = mmap(r+14*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+14*PAGE
mremap(c, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+50*PAGE) = r+50*PAGE
mremap(b, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = r+40*PAGE
store(a, 1, 0x78)
store(r+50*PAGE, 1, 0x79)
mremap(r+50*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+10*PAGE) = r+11*PAGE
mremap(r+40*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+5*PAGE) = r+6*PAGE
maps(a) == a..a+10*PAGE rw-p
maps(a+10*PAGE) == a+10*PAGE..a+15*PAGE rw-p
