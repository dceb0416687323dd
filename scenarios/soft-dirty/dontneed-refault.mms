# After clear_refs 4, a page MADV_DONTNEED dropped reads back clean (the zero page) and becomes
# soft-dirty by the write that faults a page in (do_anonymous_page: pte_mkdirty).
# Source: mm/memory.c do_anonymous_page; mm/madvise.c madvise_dontneed_single_vma.
requires: soft-dirty, zero-page
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
write(cr, "4", 1) = 1
madvise(a, 2*PAGE, MADV_DONTNEED) = 0
pagemap(a, 2) == none*2
load(a, 1) == 0
pagemap(a, 2) == present, none
store(a+PAGE, 1, 1)
pagemap(a, 2) == present, present|exclusive|soft_dirty
store(a, 1, 1)
pagemap(a, 2) == present|exclusive|soft_dirty*2
