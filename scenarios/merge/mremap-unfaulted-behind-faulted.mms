# An unfaulted VMA moved right before a faulted one merges with it.
# Source: selftests merge.c mremap_unfaulted_behind_faulted; kernel-spec.md §9.4, §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+6*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+6*PAGE
b = mmap(r+14*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+14*PAGE
mremap(b, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = r+40*PAGE
store(a, 1, 0x78)
mremap(r+40*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+PAGE) = r+PAGE
maps(r+PAGE) == r+PAGE..r+11*PAGE rw-p
load(a, 1) == 0x78
