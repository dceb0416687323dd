# MAP_DROPPABLE pages are never swap-backed (folio_add_new_anon_rmap leaves PG_swapbacked clear
# in a VM_DROPPABLE VMA), so MADV_PAGEOUT drops them, written ones too (try_to_unmap_one
# discards a dirty folio of a VM_DROPPABLE VMA), and they read back as zero; with or without a
# swap area. Found by mmkit fuzz --seed 906732608.
requires: swap
requires: no-zero-page
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x41)
load(a + PAGE, 1) == 0
madvise(a, 4*PAGE, MADV_POPULATE_READ) = 0
pagemap(a, 4) == present|exclusive*4
madvise(a, 4*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 4) == none*4
load(a, 1) == 0
smaps(a).Swap == 0 kB
