# A hole punch that frees no whole page only zeroes bytes, except when it ends inside the
# first page: shmem_fallocate's unmap_end is then -1, passes its unsigned check, and the
# wrapped length unmaps every page from unmap_start to EOF (from page 1 if the hole starts
# inside page 0, from page 0 if it starts at 0). The pages stay cached and fault back in;
# private COW copies are kept.
# Source: mm/shmem.c shmem_fallocate (unmap_start/unmap_end), mm/memory.c
# unmap_mapping_range / unmap_mapping_pages; observed on the reference kernel.
requires: root
fd = memfd_create("punch", 0)
ftruncate(fd, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 4*PAGE, 0x5a)
p = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p+2*PAGE, 1, 0x66)
load(p, PAGE) == 0x5a
load(p+PAGE, PAGE) == 0x5a
load(p+3*PAGE, PAGE) == 0x5a
# A hole inside page 1 unmaps nothing.
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, PAGE+16, 16) = 0
pagemap(s, 4) == present|file*2, present|file|exclusive, present|file
pagemap(p, 4) == present|file*2, present|exclusive, present|file
# A hole inside page 0, not at its start, unmaps pages 1 to 3.
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 16, 16) = 0
pagemap(s, 4) == present|file, none*3
pagemap(p, 4) == present|file, none, present|exclusive, none
mincore(s, 4*PAGE) == 1
load(s, 48) == 0x5a*16 0*16 0x5a*16
load(s+PAGE, 48) == 0x5a*16 0*16 0x5a*16
# A hole at the start of page 0 unmaps every page.
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, 16) = 0
pagemap(s, 2) == none*2
pagemap(p, 3) == none*2, present|exclusive
load(p+2*PAGE, 1) == 0x66
# A hole from inside page 0 into page 1 frees nothing whole and unmaps nothing.
load(s, 4*PAGE) == 0*32 0x5a*4080 0*16 0x5a*12256
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 100, PAGE) = 0
pagemap(s, 4) == present|file|exclusive*4
