# Making a locked private VMA writable breaks copy-on-write up front: zero pages and
# page cache pages are replaced by private copies at once (new frames, exclusive, no
# file bit). A VMA locked on fault is left alone: what was mapped stays, nothing new
# is faulted in.
# Source: kernel-spec.md §9.3; mm/mprotect.c mprotect_fixup, mm/gup.c
# populate_vma_page_range.
requires: root, zero-page
b = mmap(NULL, 3*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(b, 3*PAGE) = 0
pagemap(b, 3) == present@P1*3
mprotect(b, 3*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(b, 3) == present|exclusive@P2, present|exclusive@P3, present|exclusive@P4
fd = memfd_create("locked", 0)
ftruncate(fd, 2*PAGE) = 0
q = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE, fd, 0)
mlock(q, 2*PAGE) = 0
pagemap(q, 2) == present|file|exclusive@P5, present|file|exclusive@P6
mprotect(q, 2*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(q, 2) == present|exclusive@P7, present|exclusive@P8
a = mmap(NULL, 3*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock2(a, 3*PAGE, MLOCK_ONFAULT) = 0
load(a, 1) == 0
pagemap(a, 3) == present@P1, none*2
mprotect(a, 3*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(a, 3) == present@P1, none*2
