# ftruncate to the size the file already has still truncates: pages that fallocate added past
# EOF with FALLOC_FL_KEEP_SIZE are freed, and the last partial page is zeroed past EOF (which
# dirties it). Growing the file keeps them.
# Source: mm/shmem.c shmem_setattr (truncates when newsize <= oldsize); observed on the
# reference kernel.
requires: root
fd = memfd_create("same", 0)
ftruncate(fd, PAGE+100) = 0
a = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(a, 2*PAGE) == 0
smaps(a).Private_Dirty == 0 kB
fallocate(fd, FALLOC_FL_KEEP_SIZE, 2*PAGE, 2*PAGE) = 0
fallocate(fd, FALLOC_FL_KEEP_SIZE, 2*PAGE, 2*PAGE) = 0
mincore(a, 4*PAGE) == 1*4
ftruncate(fd, PAGE+100) = 0
mincore(a, 4*PAGE) == 1*2 0*2
pagemap(a, 4) == present|file|exclusive*2, none*2
smaps(a).Private_Dirty == 4 kB
fallocate(fd, FALLOC_FL_KEEP_SIZE, 2*PAGE, 2*PAGE) = 0
fallocate(fd, FALLOC_FL_KEEP_SIZE, 2*PAGE, 2*PAGE) = 0
ftruncate(fd, 2*PAGE) = 0
mincore(a, 4*PAGE) == 1*4
ftruncate(fd, 2*PAGE) = 0
mincore(a, 4*PAGE) == 1*2 0*2
