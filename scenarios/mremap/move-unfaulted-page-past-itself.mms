# Moving the first page of an unfaulted VMA to just past its end: the moved page's
# offset is relocated to its new address, which continues the rest of the VMA, so the
# VMA ends up one page further on, in one piece. A faulted page keeps its offset and
# stays a VMA of its own.
# Source: kernel-spec.md §9.4 (relocated vm_pgoff of unfaulted VMAs), §9.5; mm/vma.c copy_vma().
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(r+PAGE, 15*PAGE) = 0
a = mmap(r+2*PAGE, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+2*PAGE
mremap(a, PAGE, PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+4*PAGE) = r+6*PAGE
maps(a+PAGE) == a+PAGE..a+5*PAGE rw-p
vmas(a, PAGE) == 0
store(a+PAGE, 1, 0x66)
mremap(a+PAGE, PAGE, PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+5*PAGE) = r+7*PAGE
maps(a+2*PAGE) == a+2*PAGE..a+5*PAGE rw-p
maps(a+5*PAGE) == a+5*PAGE..a+6*PAGE rw-p
load(a+5*PAGE, 1) == 0x66
