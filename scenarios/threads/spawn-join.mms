# Threads share their process's address space: a store by a spawned thread is seen by the main
# thread, and a fault in a thread is reported for that thread alone.
# This is the basis for userfaultfd's blocking faults: there a spawned access will block in the
# kernel until a handler resolves the fault, and join will report how it ended.
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+PAGE, PAGE)
spawn t1: store(a, 1, 0xcd)
join t1
load(a, 2) == 0xcd 0x00
spawn t2: load(a+PAGE-1, 2) => SIGSEGV SEGV_MAPERR at a+PAGE
join t2
# a forked child's threads are its own; this one is joined when the scenario ends
fork() => child
in child: spawn t3: load(a, 1) == 0xcd
store(a, 1, 0x11)
pagemap(a, 1) == present|exclusive
