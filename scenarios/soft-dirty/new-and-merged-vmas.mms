# VM_SOFTDIRTY goes on every VMA mmap makes or grows: a new mapping that merges into a clean
# neighbour makes the whole merged VMA soft-dirty, the neighbour's old pages too
# (__mmap_complete sets the flag on the VMA the mapping ended in). VM_SOFTDIRTY never keeps VMAs
# apart (is_mergeable_vma ignores it), and a VMA merged from a flagged and a clean part keeps the
# flag (VM_STICKY, which the model follows: mm/vma.h). brk grows the heap the same way.
# Source: mm/vma.c __mmap_complete, is_mergeable_vma, vma_merge_existing_range; mm/mmap.c
# do_brk_flags.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+2*PAGE, 2*PAGE) = 0
store(a, 1, 1)
write(cr, "4", 1) = 1
pagemap(a, 2) == present|exclusive, none
# a new neighbour merges, and the whole VMA is soft-dirty
mmap(a+2*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+2*PAGE
vmas(a, 3*PAGE) == 1
pagemap(a, 3) == present|exclusive|soft_dirty, soft_dirty*2
# a clean part and a flagged part merge by mprotect: the merged VMA keeps the flag
write(cr, "4", 1) = 1
mmap(a+3*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+3*PAGE
vmas(a, 4*PAGE) == 2
pagemap(a, 4) == present|exclusive, none*2, soft_dirty
mprotect(a+3*PAGE, PAGE, PROT_READ|PROT_WRITE) = 0
vmas(a, 4*PAGE) == 1
pagemap(a, 4) == present|exclusive|soft_dirty, soft_dirty*3
