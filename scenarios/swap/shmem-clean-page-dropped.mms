# MADV_PAGEOUT of a shmem page that was only read (a zeroed page the read fault allocated, never
# dirtied) does not go to swap: the page leaves the page cache and the file has a hole there again,
# which reads as zeros. A written page beside it goes to swap.
# Source: mm/vmscan.c shrink_folio_list (a clean folio goes straight to __remove_mapping, which
# keeps no shadow entry for shmem); mm/shmem.c shmem_writeout for the dirty one.
requires: root, swap
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("clean", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
load(s, 1) == 0x00
store(s+PAGE, PAGE, 0x3c)
smaps(s).Rss == 8 kB
madvise(s, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(s, 2) == none*2
smaps(s).Swap == 4 kB
mincore(s, 2*PAGE) == 0 0
fstat(fd, buf) = 0
load(buf, stat) == {st_blocks=8}
load(s, PAGE) == 0x00
load(s+PAGE, PAGE) == 0x3c
smaps(s).Swap == 0 kB
mincore(s, 2*PAGE) == 1 1
