# When a faulted VMA moved by mremap merges into an unfaulted neighbour, the merged VMA
# takes the moved VMA's anon_vma: fork then copies its page tables, so the child sees
# the moved data (a VMA without anon_vma would start empty in the child).
# Source: kernel-spec.md §9.5, §10 (fork copies page tables of VMAs with an anon_vma);
# mm/vma.c vma_expand() dup_anon_vma (fix for mremap faulted/unfaulted merges, Jan 2026).
requires: root
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+4*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+4*PAGE
store(a, 3*PAGE, 0x78)
mremap(a, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, r+20*PAGE) = r+20*PAGE
b = mmap(r+PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
c = mmap(r+7*PAGE, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+7*PAGE
mremap(r+20*PAGE, 3*PAGE, 3*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, a) = a
maps(b) == b..b+9*PAGE rw-p
pagemap(a, 1) == present|exclusive@P1
fork() => child
in child: load(a, 3*PAGE) == 0x78
in child: pfn(child, a) == pfn(a)
pagemap(a, 1) == present@P1
