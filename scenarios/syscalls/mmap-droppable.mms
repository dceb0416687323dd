# MAP_DROPPABLE (anonymous only) makes a private mapping whose pages the kernel may drop
# under memory pressure: VmFlags dp, and also nr (no commit charge), wf (wiped in a
# child) and dd (not dumped). It cannot be locked (MAP_LOCKED → EINVAL, mlock leaves it
# unlocked), nor grow down, nor be a file mapping; MADV_KEEPONFORK and MADV_DODUMP on it
# are EINVAL, and KSM ignores MADV_MERGEABLE there.
# Source: kernel-spec.md §9.1 (type DROPPABLE, anon only), §8 (KEEPONFORK on VM_DROPPABLE);
# mm/mmap.c do_mmap, mm/mlock.c mlock_fixup, mm/madvise.c, mm/ksm.c ksm_compatible.
d = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_DROPPABLE|MAP_ANONYMOUS, -1, 0)
vmflags(d) == rd wr mr mw me nr wf dd dp
store(d, 2*PAGE, 0xd9)
load(d+PAGE, 1) == 0xd9
fork() => child
in child: load(d, 2*PAGE) == 0
exit(child)
madvise(d, 2*PAGE, MADV_KEEPONFORK) = -1 EINVAL
madvise(d, 2*PAGE, MADV_DODUMP) = -1 EINVAL
madvise(d, 2*PAGE, MADV_MERGEABLE) = 0
vmflags(d) == rd wr mr mw me nr wf dd dp
mlock(d, 2*PAGE) = 0
vmflags(d) lacks lo
mmap(NULL, PAGE, PROT_READ, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_DROPPABLE|MAP_ANONYMOUS|MAP_GROWSDOWN, -1, 0) = -1 EINVAL
fd = memfd_create("droppable", 0)
ftruncate(fd, PAGE) = 0
mmap(NULL, PAGE, PROT_READ, MAP_DROPPABLE, fd, 0) = -1 EINVAL
