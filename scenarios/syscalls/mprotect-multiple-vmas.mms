# One mprotect can cover several VMAs: each part gets the new protection, the ends are
# split off, and parts that end up equal to a neighbour merge with it.
# Source: kernel-spec.md §9.3, §9.5 (split and merge).
w = mmap(NULL, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(w+2*PAGE, 2*PAGE, PROT_READ) = 0
mprotect(w+4*PAGE, 2*PAGE, PROT_READ|PROT_EXEC) = 0
vmas(w, 6*PAGE) == 3
mprotect(w+PAGE, 4*PAGE, PROT_READ) = 0
vmas(w, 6*PAGE) == 3
maps(w) == w..w+PAGE rw-p
maps(w+PAGE) == w+PAGE..w+5*PAGE r--p
maps(w+5*PAGE) == w+5*PAGE..w+6*PAGE r-xp
