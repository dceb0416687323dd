# A VMA inherited across fork (its anon_vma chain has more than one link) is not merged
# with a new unfaulted VMA mapped right after it in the child, even once the child has
# un-COWed every page.
# Source: selftests merge.c forked_target_vma; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 1, 0x78)
fork() => child
in child: store(a, 5*PAGE, 0x78)
in child: b = mmap(a+5*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+6*PAGE
in child: maps(a) == a..a+5*PAGE rw-p
in child: maps(b) == b..b+5*PAGE rw-p
# The parent's own VMA is unaffected and still merges as usual.
c = mmap(a+5*PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+6*PAGE
maps(a) == a..a+10*PAGE rw-p
