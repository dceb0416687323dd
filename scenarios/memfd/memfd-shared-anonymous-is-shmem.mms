# A MAP_SHARED|MAP_ANONYMOUS mapping is backed by a shmem file ("/dev/zero (deleted)"):
# MADV_DONTNEED only unmaps (the data comes back on the next access), MADV_REMOVE frees the
# pages (they read zeros), MADV_FREE is refused with EINVAL.
# Source: kernel-spec.md §1.1 (bit 61 for shared anon), §8 (DONTNEED, FREE, REMOVE).
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
maps(a) == a..a+4*PAGE rw-s "/dev/zero (deleted)"
store(a, 4*PAGE, 0x55)
madvise(a, 4*PAGE, MADV_DONTNEED) = 0
pagemap(a, 4) == none
mincore(a, 4*PAGE) == 1
load(a, 4*PAGE) == 0x55
pagemap(a, 4) == present|file|exclusive
madvise(a+PAGE, PAGE, MADV_REMOVE) = 0
pagemap(a, 4) == present|file|exclusive, none, present|file|exclusive*2
mincore(a, 4*PAGE) == 1 0 1 1
load(a+PAGE, PAGE) == 0
madvise(a, PAGE, MADV_FREE) = -1 EINVAL
smaps(a).Rss == 16 kB
smaps(a).Anonymous == 0 kB
