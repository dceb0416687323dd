# MADV_DONTFORK: the VMA is not created in the child, so touching it there is a mapping
# error, while the parent keeps its data; MADV_DOFORK makes later children inherit it again.
# Source: kernel-spec.md §10 and §8 (DONTFORK / DOFORK).
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x77)
madvise(a, PAGE, MADV_DONTFORK) = 0
vmas(a, 2*PAGE) == 2
vmflags(a) has dc
vmflags(a+PAGE) lacks dc
fork() => child
in child: maps(a) == none
in child: load(a, 1) => SIGSEGV SEGV_MAPERR at a
in child: store(a, 1, 0) => SIGSEGV SEGV_MAPERR at a
in child: load(a+PAGE, 1) == 0x77
load(a, 2*PAGE) == 0x77
# The parent's page was never shared: it is still exclusive.
pagemap(a, 2) == present|exclusive, present
madvise(a, PAGE, MADV_DOFORK) = 0
vmas(a, 2*PAGE) == 1
fork() => second
in second: load(a, 1) == 0x77
