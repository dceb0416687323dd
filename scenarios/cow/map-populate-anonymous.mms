# MAP_POPULATE on private anonymous memory: a read-only mapping is filled with the shared
# zero page (present, not in Rss), a writable one with new exclusive pages; MAP_LOCKED
# populates the same way and sets VM_LOCKED.
# Source: kernel-spec.md §9.1 (MAP_POPULATE/MAP_LOCKED prefault).
requires: root, zero-page
r = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(r, 2) == present*2
pfn(r) == pfn(r+PAGE)
smaps(r).Rss == 0 kB
w = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(w, 2) == present|exclusive*2
smaps(w).Rss == 8 kB
smaps(w).Anonymous == 8 kB
l = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
pagemap(l, 2) == present|exclusive*2
vmflags(l) == rd wr mr mw me lo ac
smaps(l).Locked == 8 kB
