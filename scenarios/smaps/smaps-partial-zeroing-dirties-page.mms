# Zeroing part of a page-cache page, by a hole punch or a truncation that ends inside the
# page, marks the page dirty: a read-faulted (clean) memfd page then counts as dirty in smaps.
# Source: mm/shmem.c shmem_undo_range (folio_mark_dirty before truncate_inode_partial_folio);
# observed on the reference kernel.
requires: root
fd = memfd_create("partial", 0)
ftruncate(fd, 3*PAGE) = 0
a = mmap(NULL, 3*PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(a, 3*PAGE) == 0
smaps(a).Private_Clean == 12 kB
smaps(a).Private_Dirty == 0 kB
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, PAGE+16, 16) = 0
pagemap(a, 3) == present|file|exclusive*3
smaps(a).Private_Clean == 8 kB
smaps(a).Private_Dirty == 4 kB
ftruncate(fd, 2*PAGE+100) = 0
pagemap(a, 3) == present|file|exclusive*3
smaps(a).Private_Clean == 4 kB
smaps(a).Private_Dirty == 8 kB
