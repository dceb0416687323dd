# An unfaulted VMA moved right after a faulted one merges with it: mremap relocates the
# page offset of an unfaulted anonymous VMA to its new address.
# Source: selftests merge.c mremap_unfaulted_to_faulted; kernel-spec.md §9.4, §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+7*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+7*PAGE
mremap(b, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+40*PAGE) = r+40*PAGE
store(a, 1, 0x78)
mremap(r+40*PAGE, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+5*PAGE) = r+6*PAGE
maps(a) == a..a+10*PAGE rw-p
load(a, 1) == 0x78
