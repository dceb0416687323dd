# MADV_DONTFORK sets VmFlags dc on part of a mapping (splitting it): the child has no
# VMA there and faults with SEGV_MAPERR, but inherits the rest. MADV_DOFORK clears the
# flag and the VMAs merge back into one.
# Source: kernel-spec.md §8 (DONTFORK/DOFORK), §10 (VM_DONTCOPY VMAs skipped at fork).
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x3d)
madvise(a+PAGE, PAGE, MADV_DONTFORK) = 0
vmas(a, 3*PAGE) == 3
vmflags(a+PAGE) has dc
vmflags(a+2*PAGE) lacks dc
fork() => child
in child: load(a, 1) == 0x3d
in child: load(a+PAGE, 1) => SIGSEGV SEGV_MAPERR at a+PAGE
in child: vmas(a, 3*PAGE) == 2
in child: load(a+2*PAGE, 1) == 0x3d
exit(child)
madvise(a, 3*PAGE, MADV_DOFORK) = 0
vmas(a, 3*PAGE) == 1
vmflags(a) lacks dc
