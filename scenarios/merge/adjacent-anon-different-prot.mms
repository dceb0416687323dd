# Adjacent private anonymous mappings with different protections stay separate VMAs;
# once mprotect makes them equal they merge.
# Source: kernel-spec.md §9.5 (same vm_flags needed); selftests merge.c forked_source_vma
# (the unforked part).
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
vmas(a, 4*PAGE) == 2
maps(b) == b..b+2*PAGE rwxp
store(a, 1, 0x61)
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE|PROT_EXEC) = 0
maps(a) == a..a+4*PAGE rwxp
