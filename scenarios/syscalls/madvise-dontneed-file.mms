# MADV_DONTNEED drops only this mapping's PTEs. Shared memory keeps its data in the page
# cache (shared anonymous and shared memfd alike: pagemap empty, mincore 1, data reads
# back); a private file mapping loses its private copies and sees the file again.
# Source: kernel-spec.md §8 (DONTNEED: shmem/file shared → page cache kept; private file
# → COW copies dropped).
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(s, 2*PAGE, 0x21)
madvise(s, 2*PAGE, MADV_DONTNEED) = 0
pagemap(s, 2) == none
mincore(s, 2*PAGE) == 1
load(s, 2*PAGE) == 0x21
fd = memfd_create("dontneed", 0)
ftruncate(fd, 2*PAGE) = 0
m = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(m, 2*PAGE, 0x31)
madvise(m, 2*PAGE, MADV_DONTNEED) = 0
pagemap(m, 2) == none
load(m, 2*PAGE) == 0x31
q = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(q, PAGE, 0x41)
load(q, 2*PAGE) == 0x41*PAGE 0x31*PAGE
madvise(q, 2*PAGE, MADV_DONTNEED) = 0
load(q, 2*PAGE) == 0x31
