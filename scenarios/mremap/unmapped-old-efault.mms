# mremap of an address with no mapping fails with EFAULT, whether it resizes in place,
# moves, or moves several VMAs; a multi-VMA move must start inside a VMA.
# Source: kernel-spec.md §9.4; mm/mremap.c do_mremap(), remap_move().
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r, 8*PAGE) = 0
a = mmap(r+2*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+2*PAGE
mremap(r, PAGE, 2*PAGE, 0, 0) = -1 EFAULT
mremap(r, PAGE, 2*PAGE, MREMAP_MAYMOVE, 0) = -1 EFAULT
mremap(r, PAGE, PAGE, 0, 0) = -1 EFAULT
mremap(r, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+8*PAGE) = -1 EFAULT
# A resize or single move must stay inside one VMA.
mremap(a, 3*PAGE, 4*PAGE, MREMAP_MAYMOVE, 0) = -1 EFAULT
maps(a) == a..a+2*PAGE rw-p
maps(r+8*PAGE) == r+8*PAGE..r+16*PAGE ---p
