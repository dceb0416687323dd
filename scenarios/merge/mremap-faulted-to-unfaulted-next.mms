# A faulted VMA moved with MREMAP_DONTUNMAP right before an unfaulted one merges with it
# (6 pages).
# Source: selftests merge.c mremap_faulted_to_unfaulted_next; kernel-spec.md §9.4, §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 1, 0x78)
mremap(a, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
b = mmap(r+4*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+4*PAGE
mremap(r+20*PAGE, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r+PAGE) = a
maps(a) == a..a+6*PAGE rw-p
load(a, 1) == 0x78
