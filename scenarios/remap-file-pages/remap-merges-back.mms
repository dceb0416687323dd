# The mmap remap_file_pages performs merges like any other: putting a page back at its own
# offset joins the three VMAs again, and a range may span VMAs of the same file and flags.
# Source: kernel-spec.md §6.2 (may merge with neighbours when offsets line up).
fd = memfd_create("rfp", 0)
ftruncate(fd, 8*PAGE) = 0
m = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
remap_file_pages(m+PAGE, PAGE, 0, 6, 0) = 0
vmas(m, 4*PAGE) == 3
remap_file_pages(m+PAGE, PAGE, 0, 1, 0) = 0
vmas(m, 4*PAGE) == 1
maps(m) == m..m+0x4000 rw-s
# across two VMAs of the same file and flags whose offsets do not line up
remap_file_pages(m+2*PAGE, 2*PAGE, 0, 6, 0) = 0
vmas(m, 4*PAGE) == 2
remap_file_pages(m+PAGE, 2*PAGE, 0, 4, 0) = 0
maps
