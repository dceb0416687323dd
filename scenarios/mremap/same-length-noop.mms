# mremap to the same length without MREMAP_FIXED or MREMAP_DONTUNMAP returns the old
# address and changes nothing, even with MREMAP_MAYMOVE and a range that covers only
# part of the VMA.
# Source: kernel-spec.md §9.4; mm/mremap.c mremap_at() (MREMAP_NO_RESIZE).
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x4e)
pagemap(a, 1) == present|exclusive@P1
mremap(a, 4*PAGE, 4*PAGE, 0, 0) = a
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE, 0) = a
mremap(a+PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE, 0) = a+PAGE
# Only the old address's VMA is looked up: a length past its end is no error here.
mremap(a, 8*PAGE, 8*PAGE, 0, 0) = a
vmas(a, 4*PAGE) == 1
pagemap(a, 1) == present|exclusive@P1
load(a, 4*PAGE) == 0x4e
