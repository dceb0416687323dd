# MAP_LOCKED makes an mlocked VMA (VmFlags lo) and populates it at once: every page is
# present and counted in smaps Locked.
# Source: kernel-spec.md §9.1 (MAP_LOCKED prefault), §10 (smaps Locked).
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
vmflags(a) == rd wr mr mw me lo ac
pagemap(a, 4) == present|exclusive
smaps(a).Rss == 16 kB
smaps(a).Locked == 16 kB
munlock(a, 4*PAGE) = 0
vmflags(a) lacks lo
smaps(a).Locked == 0 kB
pagemap(a, 4) == present|exclusive
