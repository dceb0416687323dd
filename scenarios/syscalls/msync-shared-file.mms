# MS_SYNC on a shared memfd or shared anonymous mapping is vfs_fsync_range, which shmem answers
# with 0 (noop_fsync, no writeback): nothing changes, neither the pages' dirty state in pagemap
# and smaps nor the contents a private mapping of the file reads. MS_INVALIDATE leaves other
# mappings of the file alone too.
# Source: mm/msync.c; mm/shmem.c (shmem_file_operations .fsync = noop_fsync).
fd = memfd_create("m", 0)
ftruncate(fd, 4*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
p = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(s, 1, 0x07)
load(p, 1) == 0x07
store(p+PAGE, 1, 0x09)
load(s+2*PAGE, 1) == 0x00
smaps(s).Shared_Dirty == 4 kB
smaps(s).Private_Clean == 8 kB
smaps(p).Private_Dirty == 4 kB
pagemap(s, 4) == present|file@0, present|file|exclusive@0*2, none
msync(s, 4*PAGE, MS_SYNC) = 0
msync(s, 4*PAGE, MS_ASYNC|MS_INVALIDATE) = 0
msync(p, 4*PAGE, MS_SYNC|MS_INVALIDATE) = 0
smaps(s).Shared_Dirty == 4 kB
smaps(s).Private_Clean == 8 kB
smaps(p).Private_Dirty == 4 kB
pagemap(s, 4) == present|file@0, present|file|exclusive@0*2, none
load(p, 1) == 0x07
load(p+PAGE, 1) == 0x09
z = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(z, 1, 0x03)
smaps(z).Private_Dirty == 4 kB
msync(z, 2*PAGE, MS_SYNC) = 0
smaps(z).Private_Dirty == 4 kB
load(z, 1) == 0x03
close(fd) = 0
