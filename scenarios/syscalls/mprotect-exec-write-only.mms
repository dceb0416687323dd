# mprotect to PROT_EXEC alone or PROT_WRITE alone: maps shows --xp and -w-p. On x86-64
# a present page cannot be write-only or exec-only, so both can still be read.
# Source: kernel-spec.md §9.3; maps/VmFlags (§10).
x = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(x, PAGE, PROT_EXEC) = 0
mprotect(x+PAGE, PAGE, PROT_WRITE) = 0
maps(x) == x..x+PAGE --xp
maps(x+PAGE) == x+PAGE..x+2*PAGE -w-p
vmflags(x) == ex mr mw me
vmflags(x+PAGE) == wr mr mw me ac
load(x, 1) == 0
store(x+PAGE, 1, 7)
load(x+PAGE, 1) == 7
