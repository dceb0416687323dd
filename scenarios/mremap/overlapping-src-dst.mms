# mremap with MREMAP_FIXED to a destination that overlaps the source fails with
# EINVAL, whichever side the overlap is on, and leaves the source untouched.
# Source: selftests mremap_test.c "Source and Destination Regions Overlapping"; kernel-spec.md §9.4.
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+4*PAGE, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+4*PAGE
store(a, 4*PAGE, 0x5a)
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+2*PAGE) = -1 EINVAL
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a-2*PAGE) = -1 EINVAL
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a) = -1 EINVAL
# Growing into a destination that starts inside the source overlaps too.
mremap(a, 2*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+PAGE) = -1 EINVAL
maps(a) == a..a+4*PAGE rw-p
load(a, 4*PAGE) == 0x5a
