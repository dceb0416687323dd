# FALLOC_FL_PUNCH_HOLE must come with FALLOC_FL_KEEP_SIZE, else EOPNOTSUPP, and nothing
# changes; unknown mode bits are EOPNOTSUPP too; a zero or negative length is EINVAL.
# Source: kernel-spec.md §8, fs/open.c vfs_fallocate.
requires: root
fd = memfd_create("punch", 0)
ftruncate(fd, PAGE) = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, PAGE, 0x5a)
fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, PAGE) = -1 EOPNOTSUPP
load(a, PAGE) == 0x5a
pagemap(a, 1) == present|file|exclusive
fallocate(fd, 0, 0, 0) = -1 EINVAL
fallocate(fd, FALLOC_FL_KEEP_SIZE, -PAGE, PAGE) = -1 EINVAL
