# mlockall(MCL_CURRENT) locks every VMA and faults it in, as mlock does: private writable
# memory with write faults (each page its own), shared and read-only memory with read faults.
# A PROT_NONE VMA is locked but stays empty (the fault-in fails and mm_populate ignores it), and making it
# accessible later populates it. Droppable memory is never locked, yet populated. Mappings made
# afterwards are not locked; munlockall unlocks everything, keeping the pages.
# Source: mm/mlock.c apply_mlockall_flags, mlock_fixup; mm/gup.c __mm_populate.
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
r = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
n = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("m", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
d = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS, -1, 0)
mlockall(MCL_CURRENT) = 0
vmflags(a) == rd wr mr mw me lo ac
pagemap(a, 4) == present|exclusive
smaps(a).Locked == 16 kB
vmflags(r) == rd mr mw me lo
vmflags(n) == mr mw me lo
pagemap(n, 2) == none
smaps(n).Locked == 0 kB
vmflags(s) has lo
pagemap(s, 2) == present|file|exclusive*2
smaps(s).Locked == 8 kB
vmflags(d) lacks lo
pagemap(d, 2) == present|exclusive*2
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(b) lacks lo
mprotect(n, 2*PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(n, 2) == present|exclusive
munlockall() = 0
vmflags(a) lacks lo
vmflags(n) lacks lo
vmflags(s) lacks lo
pagemap(a, 4) == present|exclusive
smaps(a).Locked == 0 kB
close(fd) = 0
