# write() into a shmem page that is out in swap reads it back first (SGP_WRITE swaps in), so the
# bytes around the written ones survive; then a store through the mapping faults the cached page in.
# Source: mm/shmem.c shmem_write_begin, shmem_swapin_folio.
requires: root, swap
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("write", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x61)
madvise(s, PAGE, MADV_PAGEOUT) = 0
smaps(s).Swap == 4 kB
store(buf, "xy")
pwrite(fd, buf, 2, 10) = 2
smaps(s).Swap == 0 kB
pagemap(s, 1) == none
load(s+8, 6) == 0x61 0x61 "xy" 0x61 0x61
pagemap(s, 1) == present|file|exclusive
store(s, 1, 0x62)
madvise(s, PAGE, MADV_PAGEOUT) = 0
smaps(s).Swap == 4 kB
load(s, 12) == 0x62 0x61*9 "xy"
