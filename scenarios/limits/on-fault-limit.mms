# The kernel selftest on-fault-limit: with RLIMIT_MEMLOCK lowered, mlockall(MCL_ONFAULT |
# MCL_FUTURE) succeeds (MCL_FUTURE alone is not checked against the limit), but a later mapping
# larger than the limit fails with EAGAIN, populated or not, since it would be locked.
# Source: tools/testing/selftests/mm/on-fault-limit.c; mm/mlock.c apply_mlockall_flags;
# mm/mmap.c do_mmap (mlock_future_ok with mm->def_flags).
requires: root
process p unprivileged
in p: buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: store(buf, rlimit{rlim_cur=8*PAGE, rlim_max=8*PAGE})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = 0
in p: mlockall(MCL_ONFAULT|MCL_FUTURE) = 0
in p: mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = -1 EAGAIN
in p: mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EAGAIN
in p: a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: vmflags(a) has lo lf
in p: pagemap(a, 4) == none
in p: mmap(NULL, 5*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EAGAIN
in p: munlockall() = 0
in p: mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
