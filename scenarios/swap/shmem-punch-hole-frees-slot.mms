# A hole punched over a shmem page that is out in swap, MADV_REMOVE of one, and a truncation past
# one each free its slot: smaps Swap and the file's blocks drop, and the range reads zeros.
# Source: mm/shmem.c shmem_undo_range (free_swap_and_cache of value entries), shmem_fallocate,
# madvise_remove.
requires: root, swap
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("punch", 0)
ftruncate(fd, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 4*PAGE, 0x71)
madvise(s, 4*PAGE, MADV_PAGEOUT) = 0
smaps(s).Swap == 16 kB
fstat(fd, buf) = 0
load(buf, stat) == {st_blocks=32}
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, PAGE, PAGE) = 0
smaps(s).Swap == 12 kB
fstat(fd, buf) = 0
load(buf, stat) == {st_blocks=24}
madvise(s+2*PAGE, PAGE, MADV_REMOVE) = 0
smaps(s).Swap == 8 kB
ftruncate(fd, 3*PAGE) = 0
smaps(s).Swap == 4 kB
fstat(fd, buf) = 0
load(buf, stat) == {st_blocks=8}
ftruncate(fd, 4*PAGE) = 0
load(s, 4*PAGE) == 0x71*4096 0x00*12288
smaps(s).Swap == 0 kB
