# soft-dirty.c test_mprotect_anon: written → soft-dirty; clear_refs 4 → clean (and the PTE is
# write-protected); mprotect to read-only and back to read-write does not set the bit and, since
# the PTE is clean in a tracked VMA, does not make it writable either (can_change_pte_writable:
# pte_needs_soft_dirty_wp), so the next write faults and sets the bit.
# Source: mm/mprotect.c change_pte_range, can_change_pte_writable; mm/memory.c do_wp_page,
# wp_page_reuse; fs/proc/task_mmu.c clear_soft_dirty.
requires: soft-dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 1)
pagemap(a, 1) == present|exclusive|soft_dirty
write(cr, "4", 1) = 1
pagemap(a, 1) == present|exclusive
mprotect(a, PAGE, PROT_READ) = 0
pagemap(a, 1) == present|exclusive
mprotect(a, PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(a, 1) == present|exclusive
store(a, 1, 2)
pagemap(a, 1) == present|exclusive|soft_dirty
# mprotect keeps a set bit
mprotect(a, PAGE, PROT_READ) = 0
pagemap(a, 1) == present|exclusive|soft_dirty
mprotect(a, PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(a, 1) == present|exclusive|soft_dirty
load(a, 1) == 2
