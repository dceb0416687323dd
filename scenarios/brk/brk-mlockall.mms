# After mlockall(MCL_FUTURE) the heap grows locked and faulted in at once; with MCL_ONFAULT it
# grows locked but empty. An unprivileged process's growth must also fit RLIMIT_MEMLOCK (8 MiB)
# with what it has locked, or brk returns the old break.
# Source: mm/mmap.c brk (populate when def_flags has VM_LOCKED), check_brk_limits
# (mlock_future_ok).
requires: root
process p unprivileged
in p: b = brk(0)
in p: fork() => f
in f: mlockall(MCL_FUTURE) = 0
in f: brk(b + 4*PAGE) = b + 4*PAGE
in f: vmflags(b) has lo
in f: pagemap(b, 4) == present|exclusive
in f: brk(b + 16*1024*1024) = b + 4*PAGE
in f: brk(b + 2048*PAGE) = b + 2048*PAGE
in f: brk(b + 2049*PAGE) = b + 2048*PAGE
in p: fork() => o
in o: mlockall(MCL_FUTURE|MCL_ONFAULT) = 0
in o: brk(b + 4*PAGE) = b + 4*PAGE
in o: vmflags(b) has lo lf
in o: pagemap(b, 4) == none
in p: brk(b + 4*PAGE) = b + 4*PAGE
in p: vmflags(b) lacks lo
