# MAP_NONBLOCK in flags leaves the new range unpopulated; a locked VMA is remapped with
# MAP_LOCKED, so it stays locked (VmLck unchanged) and is populated.
# Source: kernel-spec.md §6.2 (MAP_LOCKED if VM_LOCKED, MAP_NONBLOCK if passed).
fd = memfd_create("rfp", 0)
ftruncate(fd, 8*PAGE) = 0
m = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
remap_file_pages(m, 2*PAGE, 0, 4, MAP_NONBLOCK) = 0
pagemap(m, 2) == none
remap_file_pages(m+2*PAGE, 2*PAGE, 0, 6, 0) = 0
pagemap(m+2*PAGE, 2) == present|file|exclusive
l = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_LOCKED, fd, 0)
status.VmLck == 16 kB
remap_file_pages(l+PAGE, PAGE, 0, 7, MAP_NONBLOCK) = 0
status.VmLck == 16 kB
vmflags(l+PAGE) has lo
pagemap(l+PAGE, 1) == present|file
