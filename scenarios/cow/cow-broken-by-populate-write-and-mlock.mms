# After fork, prefaulting for read keeps pages shared, but prefaulting for write breaks COW:
# MADV_POPULATE_WRITE and mlock of a private writable mapping give the parent its own copies,
# and the child's pages become exclusive to it.
# Source: kernel-spec.md §8 (POPULATE_READ/WRITE "prefault like a read/write access"), §9.1
# (populate of a writable private mapping has write semantics).
requires: root
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x11)
fork() => child
madvise(a, 3*PAGE, MADV_POPULATE_READ) = 0
pagemap(a, 3) == present@P1, present@P2, present@P3
madvise(a, PAGE, MADV_POPULATE_WRITE) = 0
pagemap(a, 3) == present|exclusive@P4, present@P2, present@P3
in child: pagemap(a, 3) == present|exclusive@P1, present@P2, present@P3
mlock(a+PAGE, PAGE) = 0
pagemap(a, 3) == present|exclusive@P4, present|exclusive@P5, present@P3
in child: pagemap(a, 3) == present|exclusive@P1, present|exclusive@P2, present@P3
in child: load(a, 3*PAGE) == 0x11
load(a, 3*PAGE) == 0x11
