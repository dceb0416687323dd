# mincore looks a PTE marker up in the page cache, as an empty PTE (pte_none_mostly in
# mincore_pte_range): a guarded page of a shared or private file mapping still counts as resident
# when the file has it cached; a guarded anonymous page does not. Source: mm/mincore.c.
# Found by mmkit fuzz --seed 2038: the model said 0 for the guarded shmem page.
requires: root
s = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
load(s+4*PAGE, PAGE) == 0x00
store(s+5*PAGE, 1, 1)
madvise(s+2*PAGE, 6*PAGE, MADV_GUARD_INSTALL) = 0
mincore(s, 8*PAGE) == 0*4 1*2 0*2
pagemap(s, 8) == none*2, swapped|guard*6
fd = memfd_create("f", 0)
ftruncate(fd, 4*PAGE) = 0
p = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
load(p, 4*PAGE) == 0x00
store(p+PAGE, 1, 1)
madvise(p, 4*PAGE, MADV_GUARD_INSTALL) = 0
mincore(p, 4*PAGE) == 1
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 1)
madvise(a, 2*PAGE, MADV_GUARD_INSTALL) = 0
mincore(a, 4*PAGE) == 0*2 1*2
