# A read fault on a memfd mapping also maps the neighbouring pages that are already in the
# page cache and up to date (fault-around): the window is 16 pages long and starts at the
# 16-page aligned block of the fault or at the VMA start if that is later, and ends at the
# VMA end; uncached neighbours stay unmapped.
# Source: mm/memory.c do_fault_around / filemap_map_pages (fault_around_bytes 64 KiB).
# The reservation sits at a fixed 2 MiB-aligned address because the window depends on
# the virtual address.
requires: root
fd = memfd_create("around", 0)
ftruncate(fd, 20*PAGE) = 0
r = mmap(0x200000000, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
w = mmap(r, 20*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 0)
store(w, 20*PAGE, 0x5a)
# The read-only view starts 8 pages into a 16-page block.
a = mmap(r+40*PAGE, 20*PAGE, PROT_READ, MAP_SHARED|MAP_FIXED, fd, 0)
# Drop the page cache of pages 2 and 3 so that not every neighbour is cached.
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 2*PAGE, 2*PAGE) = 0
# The window of page 5 starts at the VMA start (the aligned block starts 8 pages before).
load(a+5*PAGE, 1) == 0x5a
pagemap(a, 20) == present|file*2, none*2, present|file*12, none*4
# The window of page 17 starts at its aligned block (page 8) and is cut at the VMA end.
load(a+17*PAGE, 1) == 0x5a
pagemap(a, 20) == present|file*2, none*2, present|file*16
