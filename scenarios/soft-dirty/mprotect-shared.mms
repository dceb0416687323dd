# soft-dirty.c test_mprotect_file, on a shared memfd mapping: the same rules as for anonymous
# memory. After clear_refs 4 the VMA wants write notification (vma_wants_writenotify:
# vma_soft_dirty_enabled), so even pages faulted in later start read-only and their first write
# goes through do_wp_page (wp_page_shared), which sets the bit; a read fault leaves it clear.
# Source: mm/mmap.c vma_wants_writenotify, vma_set_page_prot; mm/mprotect.c
# can_change_pte_writable; mm/memory.c wp_page_shared, set_pte_range.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
fd = memfd_create("f", 0)
ftruncate(fd, 3*PAGE) = 0
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(a, 1, 1)
pagemap(a, 3) == present|file|exclusive|soft_dirty, soft_dirty*2
write(cr, "4", 1) = 1
pagemap(a, 3) == present|file|exclusive, none*2
mprotect(a, 3*PAGE, PROT_READ) = 0
mprotect(a, 3*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(a, 1) == present|file|exclusive
store(a, 1, 2)
pagemap(a, 1) == present|file|exclusive|soft_dirty
# a page read in after the clear is clean; its first write sets the bit
load(a+PAGE, 1) == 0
pagemap(a+PAGE, 1) == present|file|exclusive
store(a+PAGE, 1, 3)
pagemap(a+PAGE, 1) == present|file|exclusive|soft_dirty
# a page written in after the clear is soft-dirty at once
store(a+2*PAGE, 1, 4)
pagemap(a, 3) == present|file|exclusive|soft_dirty*3
