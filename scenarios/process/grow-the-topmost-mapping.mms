# The topmost scenario mapping has free space above it on both backends: mremap grows it in
# place without MREMAP_MAYMOVE, and MAP_FIXED_NOREPLACE just above it succeeds (and merges).
# Source: mm/mremap.c vma_expandable (in place when nothing lies in the new range);
# mm/mmap.c do_mmap (MAP_FIXED_NOREPLACE: EEXIST only over an existing VMA).
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x61)
g = mremap(a, 4*PAGE, 8*PAGE, 0, 0) = a
load(g, 4*PAGE) == 0x61
load(g+4*PAGE, 4*PAGE) == 0
maps(g) == g..g+8*PAGE rw-p
c = mmap(g+8*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
maps(g) == g..c+PAGE rw-p
load(c+PAGE, 1) => SIGSEGV SEGV_MAPERR at c+PAGE
# Growing again, now by more than a page table (2 MiB), still finds nothing in the way.
h = mremap(g, 9*PAGE, 1024*PAGE, 0, 0) = g
maps(h) == h..h+1024*PAGE rw-p
d = mmap(h+1024*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
maps
