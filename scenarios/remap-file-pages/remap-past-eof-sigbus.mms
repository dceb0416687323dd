# An offset past the end of the file is accepted; MAP_POPULATE finds nothing to map there, and
# an access raises SIGBUS.
# Source: kernel-spec.md §6.2 (offsets beyond EOF are accepted, access later SIGBUS).
fd = memfd_create("rfp", 0)
ftruncate(fd, 2*PAGE) = 0
m = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
remap_file_pages(m+PAGE, PAGE, 0, 100, 0) = 0
maps
pagemap(m+PAGE, 1) == none
load(m+PAGE, 1) => SIGBUS BUS_ADRERR at m+PAGE
load(m, 1) == 0
