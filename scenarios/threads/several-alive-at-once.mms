# Several threads of one process are alive at once: each is spawned, the scenario goes on, and
# joins report them in any order. A spawn returns once its access has ended (none of these
# blocks), so the main thread sees the threads' stores before their joins.
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+2*PAGE, PAGE)
spawn t1: store(a, 4, 0x11)
spawn t2: store(a+PAGE, 4, 0x22)
spawn t3: load(a+2*PAGE-1, 2) => SIGSEGV SEGV_MAPERR at a+2*PAGE
load(a, 1) == 0x11
spawn t4: load(a+PAGE, 4) == 0x22*4
mprotect(a, PAGE, PROT_READ)
spawn t5: store(a+1, 1, 0x33) => SIGSEGV SEGV_ACCERR at a+1
join t4
join t2
pagemap(a, 2) == present|exclusive*2
join t5
join t1
load(a, 4) == 0x11*4
# a forked child's threads are its own; those not joined are joined before the child exits
fork() => child
in child: spawn c1: store(a+PAGE, 1, 0x44)
in child: spawn c2: load(a+PAGE, 1) == 0x44
exit(child)
load(a+PAGE, 1) == 0x22
# t3 is joined at the end of the scenario
