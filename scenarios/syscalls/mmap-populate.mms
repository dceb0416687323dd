# MAP_POPULATE prefaults the whole mapping: a writable private mapping with write
# faults (private exclusive pages), a read-only one with the zero page, a shared
# anonymous one with its shmem pages (present, file, exclusive).
# Source: kernel-spec.md §9.1 (MAP_POPULATE prefault semantics).
requires: root, zero-page
w = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(w, 3) == present|exclusive
smaps(w).Rss == 12 kB
r = mmap(NULL, 3*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(r, 3) == present
pfn(r) == pfn(r+2*PAGE)
smaps(r).Rss == 0 kB
s = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(s, 3) == present|file|exclusive
smaps(s).Rss == 12 kB
# MAP_NONBLOCK turns MAP_POPULATE off.
n = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE|MAP_NONBLOCK, -1, 0)
pagemap(n, 3) == none
