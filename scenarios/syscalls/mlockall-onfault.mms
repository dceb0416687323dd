# MCL_ONFAULT locks without faulting in: with MCL_CURRENT every VMA becomes lo lf and only
# pages touched later count as Locked; with MCL_FUTURE later mappings are lo lf and empty.
# mlockall(MCL_CURRENT) without MCL_ONFAULT clears lf again and populates.
# Source: mm/mlock.c apply_mlockall_flags; mm/gup.c populate_vma_page_range (VM_LOCKONFAULT);
# mm/mmap.c do_mmap (mm->def_flags).
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlockall(MCL_CURRENT|MCL_ONFAULT) = 0
vmflags(a) == rd wr mr mw me lo lf ac
pagemap(a, 4) == none
store(a+PAGE, 1, 1)
smaps(a).Locked == 4 kB
b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(b) lacks lo
mlockall(MCL_FUTURE|MCL_ONFAULT) = 0
vmflags(a) == rd wr mr mw me lo lf ac
c = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(c) == rd wr mr mw me lo lf ac
pagemap(c, 2) == none
# lock-on-fault from mm->def_flags wins over MAP_LOCKED and MAP_POPULATE: nothing is faulted in
l = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
vmflags(l) == rd wr mr mw me lo lf ac
pagemap(l, 2) == none
q = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0)
pagemap(q, 2) == none
munmap(l, 2*PAGE) = 0
munmap(q, 2*PAGE) = 0
mlockall(MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT) = 0
vmflags(b) == rd wr mr mw me lo lf ac
mlockall(MCL_CURRENT) = 0
vmflags(a) == rd wr mr mw me lo ac
pagemap(a, 4) == present|exclusive
# a, b and c lie next to each other and now have the same flags: one VMA
vmas(c, 8*PAGE) == 1
smaps(a).Locked == 32 kB
d = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(d) lacks lo
munlockall() = 0
vmflags(a) == rd wr mr mw me ac
vmflags(c) == rd wr mr mw me ac
