# MREMAP_DONTUNMAP of part of an mlocked VMA: the moved pages stay locked at the
# destination; the old VMA loses VM_LOCKED as a whole, without being split.
# Source: kernel-spec.md §9.4; mm/mremap.c dontunmap_complete().
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(a, 4*PAGE) = 0
store(a, 4*PAGE, 0x4c)
b = mremap(a, 2*PAGE, 2*PAGE, MREMAP_MAYMOVE|MREMAP_DONTUNMAP, 0)
vmflags(b) has lo
smaps(b).Locked == 8 kB
load(b, 2*PAGE) == 0x4c
vmas(a, 4*PAGE) == 1
vmflags(a) lacks lo
smaps(a).Locked == 0 kB
pagemap(a, 4) == none*2, present|exclusive*2
