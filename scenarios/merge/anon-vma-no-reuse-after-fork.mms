# In a child, a VMA faulted next to a VMA inherited across fork cannot reuse that VMA's
# anon_vma (its chain is not singular): it gets its own, and equal protections later
# do not merge the two.
# Source: kernel-spec.md §9.5; mm/rmap.c reusable_anon_vma(); selftests merge.c
# forked_source_vma (variant with a faulted neighbour).
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 1, 0x61)
fork() => child
in child: b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
in child: store(b, 1, 0x62)
in child: mprotect(b, 2*PAGE, PROT_READ|PROT_WRITE) = 0
in child: vmas(a, 4*PAGE) == 2
# The parent does the same with its own, unshared chain: reuse, then merge.
c = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
store(c, 1, 0x63)
mprotect(c, 2*PAGE, PROT_READ|PROT_WRITE) = 0
maps(a) == a..a+4*PAGE rw-p
