# One munmap can cover several VMAs and holes: VMAs inside the range go, the VMAs at
# either end are cut, and the hole is simply skipped.
# Source: kernel-spec.md §9.2 (unmapped ranges → 0), §9.5 (split).
z = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(z+2*PAGE, 2*PAGE, PROT_READ) = 0
munmap(z+5*PAGE, PAGE) = 0
vmas(z, 8*PAGE) == 4
munmap(z+PAGE, 6*PAGE) = 0
vmas(z, 8*PAGE) == 2
maps(z) == z..z+PAGE rw-p
maps(z+7*PAGE) == z+7*PAGE..z+8*PAGE rw-p
