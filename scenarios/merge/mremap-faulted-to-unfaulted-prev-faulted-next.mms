# A faulted VMA moved with MREMAP_DONTUNMAP between an unfaulted VMA and the faulted part
# it was split from merges with both (9 pages).
# Source: selftests merge.c mremap_faulted_to_unfaulted_prev_faulted_next; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
bc = mmap(r+4*PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+4*PAGE
store(bc, 1, 0x78)
mremap(bc, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
a = mmap(r+PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
mremap(r+20*PAGE, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r+4*PAGE) = bc
maps(a) == a..a+9*PAGE rw-p
load(bc, 1) == 0x78
