# In a child, a VMA inherited across fork, moved away and back right after an unfaulted
# VMA (so that their page offsets are contiguous), does not merge with it, with or
# without MREMAP_DONTUNMAP: the moved VMA keeps the inherited anon_vma chain.
# Source: selftests merge.c mremap_faulted_to_unfaulted_prev, run after fork;
# kernel-spec.md §9.5 (fork exception); mm/vma.c is_mergeable_anon_vma().
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+4*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+4*PAGE
store(a, 3*PAGE, 0x78)
fork() => child
in child: mremap(a, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
in child: b = mmap(r+PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
in child: mremap(r+20*PAGE, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a) = a
in child: vmas(b, 6*PAGE) == 2
in child: mremap(a, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
in child: mremap(r+20*PAGE, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, a) = a
in child: vmas(b, 6*PAGE) == 2
in child: load(a, 3*PAGE) == 0x78
# The parent, whose chain is its own, merges the same way as without fork.
mremap(a, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
c = mmap(r+PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
mremap(r+20*PAGE, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a) = a
maps(c) == c..c+6*PAGE rw-p
