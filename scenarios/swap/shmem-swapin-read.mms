# read() and pread() of a shmem page that is out in swap bring it back into the page cache
# (shmem_file_read_iter asks shmem_get_folio with SGP_READ, which swaps in); nothing gets mapped:
# pagemap stays none, mincore and smaps Swap see the page back in memory.
# Source: mm/shmem.c shmem_file_read_iter, shmem_swapin_folio.
requires: root, swap
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("read", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x41)
store(s+PAGE, PAGE, 0x42)
madvise(s, 2*PAGE, MADV_PAGEOUT) = 0
smaps(s).Swap == 8 kB
mincore(s, 2*PAGE) == 0 0
pread(fd, buf, 8, PAGE+8) = 8
load(buf, 8) == 0x42*8
pagemap(s, 2) == none*2
mincore(s, 2*PAGE) == 0 1
smaps(s).Swap == 4 kB
read(fd, buf, 16) = 16
load(buf, 16) == 0x41*16
mincore(s, 2*PAGE) == 1 1
smaps(s).Swap == 0 kB
smaps(s).Rss == 0 kB
