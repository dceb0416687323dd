# mlock2(MLOCK_ONFAULT) on a whole three-page mapping keeps it one VMA (lo lf);
# munlock of the middle page splits it into three; munlock of the rest makes the three
# equal again and they merge into one.
# Source: selftests mlock2-tests.c test_vma_management; kernel-spec.md §9.5.
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock2(a, 3*PAGE, MLOCK_ONFAULT) = 0
vmas(a, 3*PAGE) == 1
vmflags(a) has lo lf
munlock(a+PAGE, PAGE) = 0
vmas(a, 3*PAGE) == 3
vmflags(a) has lo lf
vmflags(a+PAGE) lacks lo lf
vmflags(a+2*PAGE) has lo lf
maps(a+PAGE) == a+PAGE..a+2*PAGE rw-p
munlock(a, 3*PAGE) = 0
vmas(a, 3*PAGE) == 1
vmflags(a) == rd wr mr mw me ac
