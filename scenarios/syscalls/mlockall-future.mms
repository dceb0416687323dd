# mlockall(MCL_FUTURE) leaves the current VMAs alone and makes every later mapping locked and
# populated (mm->def_flags): private, shared anonymous, memfd, PROT_NONE (locked, not
# populated), and droppable memory (populated but not locked). mremap keeps a VMA's own flags:
# an old unlocked VMA grows unlocked, a locked one grows populated. A forked child does not
# inherit MCL_FUTURE. mlockall without MCL_FUTURE cancels it, and so does munlockall.
# Source: mm/mlock.c apply_mlockall_flags; mm/mmap.c do_mmap (mm->def_flags); mm/vma.c
# __mmap_complete; kernel/fork.c mm_init (VM_INIT_DEF_MASK).
requires: root
old = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlockall(MCL_FUTURE) = 0
vmflags(old) lacks lo
pagemap(old, 2) == none
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(a) == rd wr mr mw me lo ac
pagemap(a, 4) == present|exclusive
smaps(a).Locked == 16 kB
z = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
vmflags(z) has lo
smaps(z).Locked == 8 kB
fd = memfd_create("m", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 4*PAGE, PROT_READ, MAP_SHARED, fd, 0)
vmflags(s) has lo
# the pages past the end of the file cannot be faulted in; mmap ignores that
smaps(s).Rss == 8 kB
pagemap(s, 4) == present|file|exclusive*2, none*2
n = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(n) == mr mw me lo
pagemap(n, 2) == none
d = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS, -1, 0)
vmflags(d) lacks lo
smaps(d).Rss == 8 kB
# the new mapping carries the lock flags while it looks for a neighbour to merge with
mmap(d-PAGE, PAGE, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = d-PAGE
vmflags(d-PAGE) lacks lo
vmas(d-PAGE, 3*PAGE) == 2
g = mremap(old, 2*PAGE, 3*PAGE, MREMAP_MAYMOVE, 0)
vmflags(g) lacks lo
h = mremap(a, 4*PAGE, 6*PAGE, MREMAP_MAYMOVE, 0)
vmflags(h) has lo
smaps(h).Locked == 24 kB
fork() => c
in c: m = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in c: vmflags(m) lacks lo
in c: vmflags(h) lacks lo
exit(c)
mlockall(MCL_CURRENT) = 0
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(b) lacks lo
pagemap(b, 1) == none
mlockall(MCL_FUTURE) = 0
munlockall() = 0
e = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(e) lacks lo
vmflags(h) lacks lo
close(fd) = 0
