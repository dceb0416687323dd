# Unmapping the middle of a mapping splits it in two; the pages on either side keep
# their data and the hole faults with SEGV_MAPERR. Mapping the hole again with the
# same attributes merges the three back into one VMA.
# Source: kernel-spec.md §9.2, §9.5 (split and merge).
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x42)
munmap(a+PAGE, 2*PAGE) = 0
vmas(a, 4*PAGE) == 2
maps(a) == a..a+PAGE rw-p
maps(a+3*PAGE) == a+3*PAGE..a+4*PAGE rw-p
pagemap(a, 4) == present|exclusive, none*2, present|exclusive
load(a+2*PAGE, 1) => SIGSEGV SEGV_MAPERR at a+2*PAGE
load(a+3*PAGE, 1) == 0x42
mmap(a+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+PAGE
vmas(a, 4*PAGE) == 1
load(a, 4*PAGE) == 0x42*PAGE 0*8192 0x42*PAGE
