# soft-dirty.c test_simple: a new mapping is soft-dirty on every page, populated or not
# (VM_SOFTDIRTY); clear_refs "4" cleans it; a write makes the page soft-dirty again, and
# only that page. Looped as the selftest does, a few times.
# Source: fs/proc/task_mmu.c clear_refs_write, clear_soft_dirty, pte_to_pagemap_entry,
# pagemap_pte_hole; mm/memory.c wp_page_reuse (pte_mkdirty).
requires: soft-dirty
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
pagemap(a, 2) == soft_dirty*2
store(a, 1, 1)
pagemap(a, 2) == present|exclusive|soft_dirty, soft_dirty
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
write(cr, "4", 1) = 1
pagemap(a, 2) == present|exclusive, none
store(a, 1, 2)
pagemap(a, 2) == present|exclusive|soft_dirty, none
write(cr, "4", 1) = 1
pagemap(a, 2) == present|exclusive, none
store(a, 1, 3)
pagemap(a, 2) == present|exclusive|soft_dirty, none
