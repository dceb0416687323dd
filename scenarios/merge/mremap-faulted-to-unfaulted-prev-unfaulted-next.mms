# A faulted VMA moved with MREMAP_DONTUNMAP between two unfaulted VMAs merges with both
# (9 pages).
# Source: selftests merge.c mremap_faulted_to_unfaulted_prev_unfaulted_next; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(r+4*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+4*PAGE
store(b, 1, 0x78)
mremap(b, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
a = mmap(r+PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
c = mmap(r+7*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+7*PAGE
mremap(r+20*PAGE, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r+4*PAGE) = b
maps(a) == a..a+9*PAGE rw-p
load(b, 1) == 0x78
