# Three-way split where the left and middle VMAs share a faulted anon_vma and the right
# one is unfaulted: making the middle read-only merges all three.
# Source: selftests merge.c mprotect_faulted_left_unfaulted_right; kernel-spec.md §9.5.
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+2*PAGE, 9*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = r+2*PAGE
mprotect(a+6*PAGE, 3*PAGE, PROT_READ) = 0
store(a, 1, 0x78)
mprotect(a, 3*PAGE, PROT_READ) = 0
vmas(a, 9*PAGE) == 3
mprotect(a+3*PAGE, 3*PAGE, PROT_READ) = 0
maps(a) == a..a+9*PAGE r--p
load(a, 1) == 0x78
