# remap_file_pages also works on shared anonymous memory, whose VMA maps a shmem file: the page
# moves to another offset of that file, visible in maps as /dev/zero.
# Source: kernel-anchors.md (works on MAP_SHARED|MAP_ANONYMOUS; EINVAL on MAP_PRIVATE).
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(s, 1, 0x11)
store(s+2*PAGE, 1, 0x33)
remap_file_pages(s, PAGE, 0, 2, 0) = 0
load(s, 1) == 0x33
load(s+2*PAGE, 1) == 0x33
maps
