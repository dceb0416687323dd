# MAP_LOCKED makes an mlocked VMA (VmFlags lo) and populates it at once: every page is
# present and counted in smaps Locked. A read-only private mapping is populated with the
# shared zero page, which is present but counts neither in Rss nor in Locked.
# Source: kernel-spec.md §9.1 (MAP_LOCKED prefault), §10 (smaps Locked).
requires: root, zero-page
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
vmflags(a) == rd wr mr mw me lo ac
pagemap(a, 4) == present|exclusive
smaps(a).Rss == 16 kB
smaps(a).Locked == 16 kB
munlock(a, 4*PAGE) = 0
vmflags(a) lacks lo
smaps(a).Locked == 0 kB
pagemap(a, 4) == present|exclusive
r = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
vmflags(r) == rd mr mw me lo
pagemap(r, 2) == present
pfn(r) == pfn(r+PAGE)
smaps(r).Rss == 0 kB
smaps(r).Locked == 0 kB
