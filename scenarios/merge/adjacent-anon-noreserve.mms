# A MAP_NORESERVE mapping carries VM_NORESERVE and no VM_ACCOUNT, so it does not merge
# with an adjacent ordinary writable private mapping; two MAP_NORESERVE ones merge.
# Source: kernel-spec.md §9.5 (same vm_flags); mm/mmap.c (accountable_mapping).
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = r+3*PAGE
vmas(a, 4*PAGE) == 2
vmflags(b) has nr
vmflags(a) lacks nr
c = mmap(r+5*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED|MAP_NORESERVE, -1, 0) = r+5*PAGE
maps(b) == b..b+4*PAGE rw-p
