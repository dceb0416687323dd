# Shared anonymous mappings never merge, even when adjacent with equal protections:
# each has a shmem file of its own. mprotect splits and restores do not merge them
# either, but do re-merge parts of one mapping.
# Source: kernel-spec.md §9.5 (shared anonymous mappings never merge).
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+3*PAGE
vmas(a, 4*PAGE) == 2
maps(a) == a..a+2*PAGE rw-s "/dev/zero (deleted)"
maps(b) == b..b+2*PAGE rw-s "/dev/zero (deleted)"
store(a, 4*PAGE, 0x73)
mprotect(a+PAGE, 2*PAGE, PROT_READ) = 0
vmas(a, 4*PAGE) == 4
mprotect(a+PAGE, 2*PAGE, PROT_READ|PROT_WRITE) = 0
vmas(a, 4*PAGE) == 2
maps(a) == a..a+2*PAGE rw-s "/dev/zero (deleted)"
