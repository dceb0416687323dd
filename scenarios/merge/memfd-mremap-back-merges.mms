# A part of a shared memfd mapping moved away keeps its file offset; moved back to its
# old place, the offsets are contiguous again and the mapping is one VMA once more.
# Moved elsewhere next to the mapping's end, the offsets do not continue and it stays apart.
# Source: kernel-spec.md §9.5 (same file and contiguous vm_pgoff); §9.4.
fd = memfd_create("back", 0)
ftruncate(fd, 6*PAGE) = 0
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 6*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 0) = r
mremap(a+2*PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
vmas(a, 6*PAGE) == 2
mremap(r+20*PAGE, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+2*PAGE) = a+2*PAGE
maps(a) == a..a+6*PAGE rw-s "/memfd:back (deleted)"
mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+6*PAGE) = r+6*PAGE
maps(a+2*PAGE) == a+2*PAGE..a+6*PAGE rw-s "/memfd:back (deleted)"
maps(a+6*PAGE) == a+6*PAGE..a+8*PAGE rw-s "/memfd:back (deleted)"
