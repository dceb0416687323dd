# A VMA inherited across fork is not merged into an unfaulted neighbour either when it
# is the one changing: mprotect making it RWX like its new neighbour leaves two VMAs.
# Source: selftests merge.c forked_source_vma; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = r+PAGE
store(a, 1, 0x78)
fork() => child
in child: store(a, 5*PAGE, 0x78)
in child: b = mmap(r+6*PAGE, 5*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = r+6*PAGE
in child: maps(b) == b..b+5*PAGE rwxp
in child: mprotect(a, 5*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
in child: maps(b) == b..b+5*PAGE rwxp
in child: maps(a) == a..a+5*PAGE rwxp
