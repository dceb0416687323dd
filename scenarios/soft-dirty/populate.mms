# madv_populate.c test_softdirty: after clear_refs 4, MADV_POPULATE_READ maps the shared zero
# page (clean, not soft-dirty), MADV_POPULATE_WRITE write-faults every page in (do_anonymous_page:
# pte_mkdirty, so soft-dirty).
# Source: mm/madvise.c madvise_populate; mm/gup.c; mm/memory.c do_anonymous_page.
requires: soft-dirty, zero-page
cr = open("/proc/self/clear_refs", O_WRONLY, 0)
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
write(cr, "4", 1) = 1
pagemap(a, 4) == none*4
madvise(a, 4*PAGE, MADV_POPULATE_READ) = 0
pagemap(a, 4) == present*4
madvise(a, 4*PAGE, MADV_POPULATE_WRITE) = 0
pagemap(a, 4) == present|exclusive|soft_dirty*4
