# mincore on private anonymous memory: an untouched page is 0, a written page 1, a page
# that was only read (the shared zero page) 1; after MADV_DONTNEED it is 0 again.
# Source: kernel-spec.md (brief: mincore on anon), mm/mincore.c.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mincore(a, 4*PAGE) == 0
store(a, 1, 1)
load(a+2*PAGE, 1) == 0
mincore(a, 4*PAGE) == 1 0 1 0
madvise(a, PAGE, MADV_DONTNEED) = 0
mincore(a, 4*PAGE) == 0 0 1 0
# The length is rounded up to whole pages.
mincore(a+2*PAGE, 1) == 1
# PROT_NONE hides a page from access, not from mincore.
mprotect(a+2*PAGE, PAGE, PROT_NONE) = 0
mincore(a, 4*PAGE) == 0 0 1 0
