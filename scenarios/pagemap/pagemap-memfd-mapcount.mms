# memfd (shmem) pages carry the file bit; mapped once they are exclusive, mapped twice (here
# by two mappings of one process) they are not.
# Source: kernel-spec.md §1.5, §1.6 (shmem/memfd mapped once → 0xa1…, twice → 0xa0…).
requires: root
fd = memfd_create("pm", 0)
ftruncate(fd, 2*PAGE) = 0
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
pagemap(a, 2) == none
store(a, 2*PAGE, 0x11)
pagemap(a, 2) == present|file|exclusive*2
b = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0)
load(b, 1) == 0x11
pagemap(a, 2) == present|file, present|file|exclusive
pagemap(b, 1) == present|file
pfn(a) == pfn(b)
munmap(b, PAGE) = 0
pagemap(a, 2) == present|file|exclusive*2
