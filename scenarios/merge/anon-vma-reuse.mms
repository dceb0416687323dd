# A VMA faulted next to a faulted neighbour that differs only in protections reuses the
# neighbour's anon_vma, so once mprotect makes the protections equal the two merge.
# Source: kernel-spec.md §9.5; mm/rmap.c anon_vma_prepare() / find_mergeable_anon_vma().
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
store(a, 1, 0x61)
store(b, 1, 0x62)
vmas(a, 4*PAGE) == 2
mprotect(b, 2*PAGE, PROT_READ|PROT_WRITE) = 0
maps(a) == a..a+4*PAGE rw-p
load(b, 1) == 0x62
