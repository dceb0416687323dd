# VM_SOFTDIRTY is a sticky VMA flag: it never keeps VMAs apart (VM_IGNORE_MERGE), and a VMA merged
# by mprotect, madvise or mlock from a flagged part and a clean one is flagged as a whole, whichever
# part the call changed. Plain 6.18 instead gave the merged VMA the changed range's flags
# (mprotect_fixup, madvise_update_vma and mlock_fixup reset them to the new flags), so a clean range
# merging into a flagged neighbour cleared the neighbour's flag. The model follows the VM_STICKY
# series ("mm: propagate VM_SOFTDIRTY on merge", VM_STICKY = VM_SOFTDIRTY | VM_MAYBE_GUARD), whose
# VM_MAYBE_GUARD half this machine's 6.18 kernel shows (scenarios/fuzz/guard-vmflag-sticky.mms);
# the VM_SOFTDIRTY half cannot be seen on a kernel without CONFIG_MEM_SOFT_DIRTY.
# Source: mm/vma.c vma_merge_existing_range, vma_merge_new_range (sticky flags); include/linux/mm.h
# VM_STICKY, VM_IGNORE_MERGE.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
r = mmap(NULL, 32*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r
mprotect(a+2*PAGE, 2*PAGE, PROT_READ) = 0
write(cr, "4", 1) = 1
vmflags(a) lacks sd
# a new mapping merges into the clean read-only part: that VMA is flagged as a whole
mmap(a+4*PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x4000
vmas(a, 5*PAGE) == 2
vmflags(a) lacks sd
vmflags(a+2*PAGE) has sd
# mprotect turns the clean part read-only: it merges with the flagged one, which stays flagged
mprotect(a, 2*PAGE, PROT_READ) = 0
vmas(a, 5*PAGE) == 1
vmflags(a) has sd
pagemap(a, 5) == soft_dirty*5
# madvise and mlock merges keep the flag too
write(cr, "4", 1) = 1
b = mmap(r+8*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x8000
madvise(b, PAGE, MADV_DONTFORK) = 0
write(cr, "4", 1) = 1
mmap(b+2*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0xa000
vmas(b, 3*PAGE) == 2
vmflags(b+PAGE) has sd
madvise(b, PAGE, MADV_DOFORK) = 0
vmas(b, 3*PAGE) == 1
vmflags(b) has sd
c = mmap(r+16*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x10000
mlock(c, PAGE) = 0
write(cr, "4", 1) = 1
mmap(c+2*PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+0x12000
vmas(c, 3*PAGE) == 2
vmflags(c) lacks sd
munlock(c, PAGE) = 0
vmas(c, 3*PAGE) == 1
vmflags(c) has sd
