# A read fault past the end of a memfd still maps the cached pages around it before it raises SIGBUS:
# do_read_fault calls do_fault_around (filemap_map_pages, clipped to the file size) before shmem_fault.
# Here the fault at file page 6 maps file page 3, cached by the child. Source: mm/memory.c do_read_fault.
# Found by mmkit fuzz --seed 848 --ops 150.
requires: root
r = mmap(0x7f0000000000, 256*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("fd", 0)
ftruncate(fd, 4*PAGE) = 0
mmap(r+115*PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 1*PAGE) = r+0x73000
fork() => c
in c: mmap(r+184*PAGE, 2*PAGE, PROT_READ, MAP_SHARED|MAP_FIXED|MAP_POPULATE, fd, 3*PAGE) = r+0xb8000
load(r+120*PAGE+2255, 1) => SIGBUS BUS_ADRERR at r+0x788cf
pagemap(r+111*PAGE, 8) == none*6, present|file, none
