# A page fallocate allocated but nothing wrote is marked dirty (shmem_fallocate), so PAGEOUT sends
# it to swap rather than dropping it: smaps Swap counts it, the file keeps its blocks, and it
# reads as zeros when it comes back.
# Source: mm/shmem.c shmem_fallocate (folio_mark_dirty), shmem_writeout (a !uptodate folio is
# zeroed first).
requires: root, swap
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("falloc", 0)
fallocate(fd, 0, 0, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
load(s, 1) == 0x00
madvise(s, 2*PAGE, MADV_PAGEOUT) = 0
smaps(s).Swap == 4 kB
fstat(fd, buf) = 0
load(buf, stat) == {st_blocks=16}
lseek(fd, 0, SEEK_DATA) = 0
load(s, 2*PAGE) == 0x00*8192
smaps(s).Swap == 0 kB
