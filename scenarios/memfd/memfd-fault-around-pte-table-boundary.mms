# Fault-around never crosses a page-table boundary: in a mapping that straddles a 2 MiB
# boundary, a read fault just below it maps the cached pages only up to the boundary, and a
# fault just above it maps from the boundary on.
# Source: mm/memory.c do_fault_around (window clipped to PTRS_PER_PTE and to the VMA).
# The mapping sits at a fixed address, 8 pages below a 2 MiB boundary.
requires: root
fd = memfd_create("around", 0)
ftruncate(fd, 16*PAGE) = 0
w = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(w, 16*PAGE, 0x5a)
a = mmap(0x200000000-8*PAGE, 16*PAGE, PROT_READ, MAP_SHARED|MAP_FIXED_NOREPLACE, fd, 0)
load(a+5*PAGE, 1) == 0x5a
pagemap(a, 16) == present|file*8, none*8
madvise(a, 16*PAGE, MADV_DONTNEED) = 0
load(a+9*PAGE, 1) == 0x5a
pagemap(a, 16) == none*8, present|file*8
