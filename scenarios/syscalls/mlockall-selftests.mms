# Ports of the kernel's mlockall selftests. mlock2-tests.c test_munlockall1: with MCL_ONFAULT
# nothing is faulted in and a touched page counts as Locked; a later MCL_CURRENT locks and
# faults in the rest. test_munlockall0: mlockall(MCL_CURRENT) locks and faults in a mapping,
# munlockall unlocks it and keeps the pages. on-fault-limit.c: after mlockall(MCL_ONFAULT|
# MCL_FUTURE) an unprivileged process cannot map twice RLIMIT_MEMLOCK (EAGAIN), although the
# mapping would be locked only as it is faulted in.
# Source: tools/testing/selftests/mm/mlock2-tests.c, on-fault-limit.c; mm/mlock.c, mm/mmap.c.
requires: root
b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlockall(MCL_CURRENT|MCL_ONFAULT) = 0
vmflags(b) has lf
pagemap(b, 2) == none*2
store(b, 1, 0x5a)
pagemap(b, 2) == present|exclusive, none
smaps(b).Locked == 4 kB
munlockall() = 0
vmflags(b) lacks lo
mlockall(MCL_CURRENT) = 0
pagemap(b, 2) == present|exclusive*2
smaps(b).Locked == 8 kB
munlockall() = 0
# a PROT_NONE page keeps the next mapping from merging with b (and freeing no frames keeps
# frame labels alike on both backends)
mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlockall(MCL_CURRENT) = 0
vmflags(a) has lo
pagemap(a, 2) == present|exclusive*2
smaps(a).Locked == 8 kB
munlockall() = 0
vmflags(a) lacks lo
pagemap(a, 2) == present|exclusive*2
smaps(a).Locked == 0 kB
process u unprivileged
in u: mlockall(MCL_ONFAULT|MCL_FUTURE) = 0
in u: mmap(NULL, 4096*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EAGAIN
in u: c = mmap(NULL, 2048*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: vmflags(c) has lf
in u: smaps(c).Rss == 0 kB
