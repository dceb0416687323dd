# mlock2(MLOCK_ONFAULT) over pages that are already present counts them as Locked at
# once, without faulting in the rest; on a PROT_NONE mapping it succeeds, since nothing
# has to be faulted in, and locks the VMA.
# Source: selftests mlock2-tests.c test_lock_onfault_of_present; kernel-spec.md §9.1.
requires: root
o = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(o, 2*PAGE, 1)
mlock2(o, 3*PAGE, MLOCK_ONFAULT) = 0
vmflags(o) has lo lf
pagemap(o, 3) == present|exclusive*2, none
smaps(o).Locked == 8 kB
n = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock2(n, 2*PAGE, MLOCK_ONFAULT) = 0
vmflags(n) == mr mw me lo lf
mincore(n, 2*PAGE) == 0
