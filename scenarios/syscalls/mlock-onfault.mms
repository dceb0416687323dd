# mlock2(MLOCK_ONFAULT) locks the VMA (lo lf) without faulting anything in: pages
# become present only when touched, and only those count as Locked.
# Source: selftests mlock2-tests.c test_mlock_onfault; kernel-spec.md §9.1.
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock2(a, 4*PAGE, MLOCK_ONFAULT) = 0
vmflags(a) == rd wr mr mw me lo lf ac
pagemap(a, 4) == none
smaps(a).Locked == 0 kB
store(a, 1, 1)
store(a+2*PAGE, 1, 1)
pagemap(a, 4) == present|exclusive, none, present|exclusive, none
smaps(a).Rss == 8 kB
smaps(a).Locked == 8 kB
# Unknown mlock2 flags are EINVAL; plain mlock populates everything.
mlock2(a, 4*PAGE, 2) = -1 EINVAL
mlock(a, 4*PAGE) = 0
vmflags(a) lacks lf
pagemap(a, 4) == present|exclusive
smaps(a).Locked == 16 kB
