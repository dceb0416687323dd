# mprotect of the middle of a mapping splits it into three VMAs; giving the middle its
# old protection back merges them into one again.
# Source: kernel-spec.md §9.5 (obs: mprotect RO then RW of the middle re-merges).
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x7e)
mprotect(a+PAGE, 2*PAGE, PROT_READ) = 0
vmas(a, 4*PAGE) == 3
maps(a+PAGE) == a+PAGE..a+3*PAGE r--p
store(a+PAGE, 1, 0) => SIGSEGV SEGV_ACCERR at a+PAGE
mprotect(a+PAGE, 2*PAGE, PROT_READ|PROT_WRITE) = 0
vmas(a, 4*PAGE) == 1
maps(a) == a..a+4*PAGE rw-p
store(a+PAGE, 1, 0x01)
load(a, 2*PAGE) == 0x7e*PAGE 0x01 0x7e*4095
