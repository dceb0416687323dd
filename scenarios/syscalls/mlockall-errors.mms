# mlockall refuses no flags, unknown flags and MCL_ONFAULT without MCL_CURRENT or MCL_FUTURE
# (EINVAL); the flags are an int, so bits above 32 are dropped. munlockall with nothing locked
# succeeds.
# Source: mm/mlock.c (SYSCALL_DEFINE1(mlockall)).
mlockall(0) = -1 EINVAL
mlockall(8) = -1 EINVAL
mlockall(MCL_CURRENT|8) = -1 EINVAL
mlockall(MCL_ONFAULT) = -1 EINVAL
mlockall(0x100000000) = -1 EINVAL
mlockall(0x100000000|MCL_ONFAULT) = -1 EINVAL
munlockall() = 0
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(a) lacks lo
mlockall(0x100000000|MCL_FUTURE) = 0
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
vmflags(b) has lo
vmflags(a) lacks lo
munlockall() = 0
