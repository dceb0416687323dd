# A read-only unfaulted VMA merges with its faulted right neighbour once that one is made
# read-only too: the ten pages are one VMA again.
# Source: selftests merge.c mprotect_unfaulted_left; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 10*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = r+PAGE
mprotect(a, 5*PAGE, PROT_READ) = 0
vmas(a, 10*PAGE) == 2
store(a+5*PAGE, 1, 0x78)
mprotect(a+5*PAGE, 5*PAGE, PROT_READ) = 0
maps(a) == a..a+10*PAGE r--p
load(a+5*PAGE, 1) == 0x78
