# mlock faults pages in with FOLL_FORCE, so any accessible VMA is populated even where
# a plain access could not read: an exec-only anonymous mapping gets the zero page, a
# write-only one private pages, and exec-only or write-only shared file mappings and a
# read-only private one map the page cache pages.
# Source: kernel-spec.md §9 (mlock populate); mm/gup.c populate_vma_page_range.
requires: zero-page
x = mmap(NULL, 2*PAGE, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(x, 2*PAGE) = 0
pagemap(x, 2) == present
w = mmap(NULL, 2*PAGE, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(w, 2*PAGE) = 0
pagemap(w, 2) == present|exclusive
fd = memfd_create("lock-perm", 0)
ftruncate(fd, 2*PAGE) = 0
q = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE, fd, 0)
mlock(q, 2*PAGE) = 0
pagemap(q, 2) == present|file|exclusive
ws = mmap(NULL, 2*PAGE, PROT_WRITE, MAP_SHARED, fd, 0)
mlock(ws, 2*PAGE) = 0
pagemap(ws, 2) == present|file
xs = mmap(NULL, 2*PAGE, PROT_EXEC, MAP_SHARED, fd, 0)
mlock(xs, 2*PAGE) = 0
pagemap(xs, 2) == present|file
