# With MREMAP_DONTUNMAP but without MREMAP_FIXED, new_addr is only a hint, yet a hint
# overlapping the old range still fails with EINVAL; a zero hint lets the kernel choose.
# Source: kernel-spec.md §9.4; mm/mremap.c check_mremap_params() (vrm_overlaps for any
# call that implies a new address).
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x48)
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, a+2*PAGE) = -1 EINVAL
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, a) = -1 EINVAL
mremap(a+2*PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, a+PAGE) = -1 EINVAL
load(a, 4*PAGE) == 0x48
b = mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)
load(b, 4*PAGE) == 0x48
