# RLIMIT_MEMLOCK (8 MiB, 2048 pages) for an unprivileged process: after mlockall(MCL_FUTURE) a
# new mapping that would take the locked total past it is EAGAIN (mlock_future_ok), one that fits
# is locked; mlockall(MCL_CURRENT) is ENOMEM once everything mapped, locked or not (total_vm),
# exceeds the limit, and then changes nothing, MCL_FUTURE included. A privileged process holds
# CAP_IPC_LOCK and is not limited.
# Source: mm/mlock.c (SYSCALL_DEFINE1(mlockall)), mlock_future_ok; mm/mmap.c do_mmap.
requires: root
process p unprivileged
in p: mlockall(MCL_FUTURE) = 0
in p: mmap(NULL, 2049*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0) = -1 EAGAIN
in p: a = mmap(NULL, 2000*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: vmflags(a) has lo
in p: mmap(NULL, 49*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EAGAIN
in p: b = mmap(NULL, 48*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EAGAIN
in p: munlockall() = 0
in p: c = mmap(NULL, 4096*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: vmflags(c) lacks lo
in p: mlockall(MCL_CURRENT|MCL_FUTURE) = -1 ENOMEM
in p: vmflags(a) lacks lo
in p: d = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: vmflags(d) lacks lo
in p: mlockall(MCL_CURRENT|MCL_ONFAULT) = -1 ENOMEM
mlockall(MCL_FUTURE) = 0
e = mmap(NULL, 4096*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(e) has lo
mlockall(MCL_CURRENT) = 0
munlockall() = 0
