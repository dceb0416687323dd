# A VMA whose pages were all dropped by MADV_DONTNEED keeps its anon_vma, so for mremap
# it is still faulted: its page offset is not relocated and, moved right after an
# unrelated unfaulted VMA, it does not merge. A never-faulted VMA moved right before
# the same VMA does.
# Source: kernel-spec.md §9.4 (vm_pgoff relocated only when unfaulted), §9.5; selftests
# merge.c ("faulted" = has anon_vma).
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
b = mmap(r+10*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+10*PAGE
store(b, 2*PAGE, 0x62)
madvise(b, 2*PAGE, MADV_DONTNEED) = 0
pagemap(b, 2) == none*2
mremap(b, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+2*PAGE) = r+5*PAGE
vmas(a, 4*PAGE) == 2
c = mmap(r+20*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+20*PAGE
mremap(c, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+PAGE) = r+PAGE
maps(a) == r+PAGE..a+2*PAGE rw-p
vmas(r+PAGE, 6*PAGE) == 2
