# soft-dirty.c test_vma_reuse: a new mapping is soft-dirty on every page (mmap gives the new VMA
# VM_SOFTDIRTY, and pagemap reports it for pages with and without a PTE); after clear_refs 4 and
# munmap, a new mapping at the same address is soft-dirty again, so a tracker cannot take it for
# the old, clean one.
# Source: mm/vma.c __mmap_complete (VM_SOFTDIRTY on a new or grown VMA); fs/proc/task_mmu.c
# pagemap_pte_hole, pte_to_pagemap_entry, clear_refs_write.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(a) has sd
store(a, 1, 1)
pagemap(a, 2) == present|exclusive|soft_dirty, soft_dirty
write(cr, "4", 1) = 1
vmflags(a) lacks sd
pagemap(a, 2) == present|exclusive, none
munmap(a, 2*PAGE) = 0
b = mmap(a, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0)
pagemap(a, 2) == soft_dirty*2
vmflags(a) has sd
# MAP_FIXED over a clean mapping replaces it with a soft-dirty one as well
write(cr, "4", 1) = 1
mmap(a+PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = a+PAGE
pagemap(a, 2) == soft_dirty*2
