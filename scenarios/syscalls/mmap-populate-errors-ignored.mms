# mmap ignores what its prefaulting cannot do: MAP_POPULATE or MAP_LOCKED on a PROT_NONE
# mapping succeed with nothing present (MAP_LOCKED still locks the VMA), and MAP_LOCKED
# over a file mapping that reaches past EOF succeeds with only the pages before EOF.
# A write-only mapping is populated like a writable one.
# Source: kernel-spec.md §9.1 (MAP_POPULATE/MAP_LOCKED prefault); mm/gup.c mm_populate.
requires: root
n = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(n, 2) == none
l = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
vmflags(l) == mr mw me lo
pagemap(l, 2) == none
fd = memfd_create("eof", 0)
ftruncate(fd, PAGE) = 0
e = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_LOCKED, fd, 0)
vmflags(e) == rd wr sh mr mw me ms lo
pagemap(e, 3) == present|file|exclusive, none*2
smaps(e).Locked == 4 kB
w = mmap(NULL, 2*PAGE, PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(w, 2) == present|exclusive
