# mremap from a sealed VMA is EPERM whatever it asks: shrink, grow, move, the same size, or
# DONTUNMAP; so is moving another mapping onto a sealed one (its unmap refuses).
# Source: mm/mremap.c check_prep_vma; mm/vma.c vms_gather_munmap_vmas; selftests mseal_test.c
# test_seal_mremap_shrink, _expand, _move, _move_fixed, _move_dontunmap.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r, 16*PAGE) = 0
mseal(a, 4*PAGE, 0) = 0
mremap(a, 4*PAGE, 2*PAGE, 0, 0) = -1 EPERM
mremap(a, 2*PAGE, 4*PAGE, MREMAP_MAYMOVE, 0) = -1 EPERM
mremap(a, 4*PAGE, 4*PAGE, 0, 0) = -1 EPERM
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r) = -1 EPERM
mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0) = -1 EPERM
maps(a) == a..a+0x4000 rw-p
# another mapping cannot be moved onto the sealed one
b = mmap(r, 4*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
mremap(b, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a) = -1 EPERM
mremap(b, 4*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+2*PAGE) = -1 EPERM
maps(b) == b..b+0x4000 r--p
maps(a) == a..a+0x4000 rw-p
