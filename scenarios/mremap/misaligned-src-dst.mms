# mremap of a source or to a destination that is not page aligned (1 KiB aligned
# here) fails with EINVAL and moves nothing.
# Source: selftests mremap_test.c "Destination Address Misaligned (1KB-aligned)" and
# "Source Address Misaligned (1KB-aligned)"; kernel-spec.md §9.4.
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
store(a, 4*PAGE, 0x5a)
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+8*PAGE+1024) = -1 EINVAL
mremap(a+1024, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+8*PAGE) = -1 EINVAL
maps(a) == a..a+4*PAGE rw-p
maps(r+8*PAGE) == r+4*PAGE..r+16*PAGE ---p
load(a, 4*PAGE) == 0x5a
