# RLIMIT_MEMLOCK as a process sets it: mlock and mlock2 past it are ENOMEM, MAP_LOCKED and
# mremap growth of a locked VMA past it EAGAIN; a zero limit forbids mlock, mlock2, mlockall and
# MAP_LOCKED altogether (EPERM, can_do_mlock). A privileged process holds CAP_IPC_LOCK and
# ignores the limit.
# Source: mm/mlock.c can_do_mlock, do_mlock, mlock_future_ok, sys_mlockall; mm/mmap.c do_mmap;
# mm/mremap.c check_prep_vma; selftests mlock2-tests.c (test_lock_limit-style).
requires: root
process p unprivileged
in p: buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: a = mmap(NULL, 8*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: store(buf, rlimit{rlim_cur=4*PAGE, rlim_max=4*PAGE})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = 0
in p: mlock(a, 4*PAGE) = 0
in p: mlock(a, 5*PAGE) = -1 ENOMEM
in p: mlock2(a+4*PAGE, PAGE, MLOCK_ONFAULT) = -1 ENOMEM
in p: mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = -1 EAGAIN
in p: mremap(a, 4*PAGE, 5*PAGE, MREMAP_MAYMOVE, 0) = -1 EAGAIN
in p: munlock(a, 2*PAGE) = 0
in p: l = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
in p: vmflags(l) has lo
in p: munlock(a, 8*PAGE) = 0
in p: munlock(l, 2*PAGE) = 0
# a zero limit: nothing may be locked
in p: store(buf, rlimit{rlim_cur=0, rlim_max=0})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = 0
in p: mlock(a, PAGE) = -1 EPERM
in p: mlock2(a, PAGE, MLOCK_ONFAULT) = -1 EPERM
in p: mlockall(MCL_FUTURE) = -1 EPERM
in p: mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = -1 EPERM
in p: munlock(a, PAGE) = 0
# CAP_IPC_LOCK: a privileged process with a zero limit still locks
b = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(b, rlimit{rlim_cur=0, rlim_max=0})
setrlimit(RLIMIT_MEMLOCK, b) = 0
mlock(b, 4*PAGE) = 0
vmflags(b) has lo
l2 = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
vmflags(l2) has lo
