# PAGEOUT skips a shmem page that two mappings map (its mapcount is 2), as it skips shared anon
# pages; once one mapping lets go, the other's PAGEOUT reclaims it.
# Source: mm/madvise.c madvise_cold_or_pageout_pte_range (folio_mapcount(folio) != 1 → skip).
requires: root, swap
fd = memfd_create("twice", 0)
ftruncate(fd, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, PAGE, 0x33)
load(b, 1) == 0x33
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 1) == present|file
smaps(a).Swap == 0 kB
madvise(b, PAGE, MADV_DONTNEED) = 0
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 1) == none
smaps(a).Swap == 4 kB
smaps(b).Swap == 4 kB
load(b, PAGE) == 0x33
