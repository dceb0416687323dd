# remap_file_pages on a shared memfd mapping: page 1 is mapped again at file page 3, which
# splits the VMA into three with offsets 0, 0x3000 and 0x2000; the pages read A D C D.
# Source: kernel-spec.md §6.2; kernel-anchors.md (remap_file_pages on a memfd MAP_SHARED mapping).
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("rfp", 0)
store(buf, PAGE, 0xa)
write(fd, buf, PAGE) = 4096
store(buf, PAGE, 0xb)
write(fd, buf, PAGE) = 4096
store(buf, PAGE, 0xc)
write(fd, buf, PAGE) = 4096
store(buf, PAGE, 0xd)
write(fd, buf, PAGE) = 4096
m = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
remap_file_pages(m+PAGE, PAGE, 0, 3, 0) = 0
maps
load(m, 1) == 0xa
load(m+PAGE, 1) == 0xd
load(m+2*PAGE, 1) == 0xc
load(m+3*PAGE, 1) == 0xd
# both views show one page of the file
store(m+PAGE, 1, 0xee)
load(m+3*PAGE, 1) == 0xee
# the range is populated (MAP_POPULATE)
pagemap(m+PAGE, 1) == present|file
