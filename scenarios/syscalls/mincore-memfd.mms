# mincore on a memfd mapping reports the page cache, not the page tables: a page the
# file holds counts as resident even where this mapping never touched it, and a page
# the file does not hold is 0.
# Source: kernel-spec.md (brief: mincore on memfd), mm/mincore.c mincore_page.
fd = memfd_create("mincore", 0)
ftruncate(fd, 4*PAGE) = 0
m = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
n = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED, fd, 0)
mincore(n, 4*PAGE) == 0
store(m+PAGE, 1, 1)
store(m+3*PAGE, 1, 1)
pagemap(n, 4) == none
mincore(n, 4*PAGE) == 0 1 0 1
# A private mapping of the file sees the page cache too.
q = mmap(NULL, 4*PAGE, PROT_READ, MAP_PRIVATE, fd, 0)
mincore(q, 4*PAGE) == 0 1 0 1
# Punching a page out of the file makes it non-resident everywhere.
madvise(m+PAGE, PAGE, MADV_REMOVE) = 0
mincore(n, 4*PAGE) == 0 0 0 1
