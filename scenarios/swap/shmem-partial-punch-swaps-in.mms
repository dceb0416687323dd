# A hole punched inside one page that is out in swap brings the page back to zero part of it
# (shmem_get_partial_folio swaps in), and a truncation to the middle of a swapped page too.
# Source: mm/shmem.c shmem_undo_range, shmem_get_partial_folio.
requires: root, swap
fd = memfd_create("partial", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 2*PAGE, 0x17)
madvise(s, 2*PAGE, MADV_PAGEOUT) = 0
smaps(s).Swap == 8 kB
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 16, 16) = 0
smaps(s).Swap == 4 kB
mincore(s, 2*PAGE) == 1 0
ftruncate(fd, PAGE+100) = 0
smaps(s).Swap == 0 kB
mincore(s, 2*PAGE) == 1 1
load(s, 40) == 0x17*16 0x00*16 0x17*8
load(s+PAGE+96, 8) == 0x17*4 0x00*4
