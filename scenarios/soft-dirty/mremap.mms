# mremap: PTEs that move are made soft-dirty (move_soft_dirty_pte: present PTEs by bit 11, swap
# entries and PTE markers by bit 1), so a tracker sees the move; the moved VMA keeps the old
# one's flags (copy_vma), so its pages without a PTE stay clean. Growing in place extends the VMA
# with its own flags (vma_merge_extend), so the new pages are clean too. A guard marker carried
# along reports bit 55 with bit 58.
# Source: mm/mremap.c move_soft_dirty_pte, move_ptes, copy_vma, expand_vma_in_place;
# fs/proc/task_mmu.c pte_to_pagemap_entry.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
madvise(a+3*PAGE, PAGE, MADV_GUARD_INSTALL) = 0
write(cr, "4", 1) = 1
pagemap(a, 4) == present|exclusive*2, none, swapped|guard
dst = mmap(NULL, 8*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mremap(a, 4*PAGE, 4*PAGE, MREMAP_MAYMOVE|MREMAP_FIXED, dst)
pagemap(b, 4) == present|exclusive|soft_dirty*2, none, swapped|guard|soft_dirty
vmflags(b) lacks sd
load(b, 1) == 0x11
# grown in place: the new pages are clean
munmap(b+4*PAGE, 4*PAGE) = 0
c = mremap(b, 4*PAGE, 6*PAGE, 0, 0)
pagemap(c+4*PAGE, 2) == none*2
store(c+4*PAGE, 1, 1)
pagemap(c+4*PAGE, 2) == present|exclusive|soft_dirty, none
