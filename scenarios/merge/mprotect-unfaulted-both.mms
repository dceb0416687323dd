# A faulted middle VMA made read-only merges with unfaulted read-only neighbours on both
# sides: the nine pages are one VMA again.
# Source: selftests merge.c mprotect_unfaulted_both; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+2*PAGE, 9*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = r+2*PAGE
mprotect(a, 3*PAGE, PROT_READ) = 0
mprotect(a+6*PAGE, 3*PAGE, PROT_READ) = 0
vmas(a, 9*PAGE) == 3
store(a+3*PAGE, 1, 0x78)
mprotect(a+3*PAGE, 3*PAGE, PROT_READ) = 0
maps(a) == a..a+9*PAGE r--p
load(a+3*PAGE, 1) == 0x78
