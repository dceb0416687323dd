# An unprivileged process may lock at most RLIMIT_MEMLOCK, 8 MiB (2048 pages) on the reference
# machine, for the executor's unprivileged uid too. mlock past it is ENOMEM, pages of the range
# that are locked already counted once; a MAP_LOCKED mapping or the growth of a locked VMA that
# would pass it is EAGAIN. A privileged process holds CAP_IPC_LOCK and is not limited.
# Source: mm/mlock.c do_mlock, can_do_mlock, mlock_future_ok, count_mm_mlocked_page_nr;
# mm/mmap.c do_mmap; mm/mremap.c resize_is_valid.
requires: root
process p unprivileged
in p: a = mmap(NULL, 4096*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE, -1, 0)
in p: mlock(a, 2048*PAGE) = 0
in p: mlock(a+PAGE, 2047*PAGE) = 0
in p: mlock(a+2048*PAGE, PAGE) = -1 ENOMEM
in p: mlock(a+2047*PAGE, 2*PAGE) = -1 ENOMEM
in p: vmflags(a+2048*PAGE) lacks lo
in p: mlock2(a+2048*PAGE, PAGE, MLOCK_ONFAULT) = -1 ENOMEM
in p: munlock(a, PAGE) = 0
in p: mlock(a+2047*PAGE, 2*PAGE) = 0
in p: vmflags(a+2048*PAGE) has lo
in p: mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = -1 EAGAIN
in p: munlock(a, 4096*PAGE) = 0
in p: b = mmap(NULL, 2048*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
in p: vmflags(b) has lo
in p: mremap(b, 2048*PAGE, 2049*PAGE, MREMAP_MAYMOVE, 0) = -1 EAGAIN
in p: mremap(b, 2048*PAGE, 2047*PAGE, 0, 0) = b
in p: mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = -1 EAGAIN
in p: g = mremap(b, 2047*PAGE, 2048*PAGE, MREMAP_MAYMOVE, 0)
in p: vmflags(g) has lo
# the limit counts every locked VMA of the process
in p: munlock(g, 2048*PAGE) = 0
in p: mlock(a, 2048*PAGE) = 0
in p: mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0) = -1 EAGAIN
c = mmap(NULL, 4096*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
vmflags(c) has lo
mlock(c, 4096*PAGE) = 0
