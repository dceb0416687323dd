# MREMAP_DONTUNMAP needs MREMAP_MAYMOVE and equal lengths, else EINVAL; with both it
# moves, even without MREMAP_FIXED.
# Source: kernel-spec.md §9.4; mm/mremap.c check_mremap_params().
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x44)
mremap(a, 4*PAGE, 4*PAGE, MREMAP_DONTUNMAP, 0) = -1 EINVAL
mremap(a, 4*PAGE, 8*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE, 0) = -1 EINVAL
mremap(a, 4*PAGE, 2*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE, 0) = -1 EINVAL
load(a, 4*PAGE) == 0x44
b = mremap(a, 4*PAGE, 4*PAGE, MREMAP_DONTUNMAP|MREMAP_MAYMOVE, 0)
load(b, 4*PAGE) == 0x44
load(a, 4*PAGE) == 0
