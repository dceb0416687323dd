# A child does not inherit mlock: its copy of a locked VMA has neither lo nor lf, and
# counts no Locked memory even after faulting. The parent's Locked is a proportional
# share, so a page shared with the child counts half while the child lives.
# Source: kernel-spec.md §10 (fork), smaps Locked; kernel/fork.c dup_mmap (VM_LOCKED_MASK
# cleared in the child).
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock2(a, 2*PAGE, MLOCK_ONFAULT) = 0
store(a, 1, 1)
smaps(a).Locked == 4 kB
fork() => child
in child: vmflags(a) == rd wr mr mw me ac
in child: store(a+PAGE, 1, 1)
in child: smaps(a).Locked == 0 kB
vmflags(a) == rd wr mr mw me lo lf ac
smaps(a).Locked == 2 kB
exit(child)
smaps(a).Locked == 4 kB
