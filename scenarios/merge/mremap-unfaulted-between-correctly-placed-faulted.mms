# Unmapping the middle of a faulted VMA leaves two parts that share an anon_vma and
# keep their page offsets; an unfaulted VMA moved into the hole merges all three.
# Source: selftests merge.c mremap_unfaulted_between_correctly_placed_faulted; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 15*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 1, 0x78)
munmap(a+5*PAGE, 5*PAGE) = 0
b = mmap(r+20*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+20*PAGE
mremap(b, 5*PAGE, 5*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a+5*PAGE) = r+6*PAGE
maps(a) == a..a+15*PAGE rw-p
