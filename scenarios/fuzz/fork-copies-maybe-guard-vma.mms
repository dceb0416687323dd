# fork copies the page tables of a VMA that once had guard markers (VM_MAYBE_GUARD) even when it has
# no anon_vma: here MREMAP_DONTUNMAP moved the pages and dropped the anon_vma, and a later mlock mapped
# the zero page again, which the child then sees. Source: mm/memory.c vma_needs_copy (VM_COPY_ON_FORK).
# Found by mmkit fuzz --seed 50054 --ops 300: the model gave the child an empty page table.
requires: root, zero-page
r = mmap(0x7f0000000000, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
m = mmap(r+8*PAGE, 6*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x8000
madvise(m+2*PAGE, 2*PAGE, MADV_GUARD_INSTALL) = 0
mlock(m+2*PAGE, 4*PAGE) = -1 ENOMEM
mremap(m+2*PAGE, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP, r+40*PAGE) = r+0x28000
mlock(m+2*PAGE, 4*PAGE) = 0
pagemap(m, 6) == none*2, present*4
vmflags(m+2*PAGE) == rd mr mw me gu lo
fork() => c
in c: pagemap(m, 6) == none*2, present*4
in c: pagemap(r+40*PAGE, 4) == swapped|guard*2, none*2
