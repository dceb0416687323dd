# MADV_HUGEPAGE and MADV_NOHUGEPAGE are VMA flags (hg, nh), each replacing the other;
# setting one on part of a mapping splits it, and the VMAs merge again once the flags
# agree. The mapping is not 2 MiB aligned, so no huge page is ever involved.
# Source: kernel-spec.md §8 (HUGEPAGE/NOHUGEPAGE: VMA flag, splits VMA).
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(a, 2*PAGE, MADV_HUGEPAGE) = 0
vmas(a, 4*PAGE) == 2
vmflags(a) has hg
vmflags(a) lacks nh
vmflags(a+2*PAGE) lacks hg nh
madvise(a+PAGE, 2*PAGE, MADV_NOHUGEPAGE) = 0
vmas(a, 4*PAGE) == 3
vmflags(a) has hg
vmflags(a+PAGE) has nh
vmflags(a+PAGE) lacks hg
maps(a+PAGE) == a+PAGE..a+3*PAGE rw-p
madvise(a, 4*PAGE, MADV_NOHUGEPAGE) = 0
vmas(a, 4*PAGE) == 1
vmflags(a) == rd wr mr mw me ac nh
