# MADV_WIPEONFORK: the child gets the VMA empty, so it reads zeros where the parent has
# data; the parent's pages stay exclusive because nothing was copied.
# Source: kernel-spec.md §10 and §8 (WIPEONFORK / KEEPONFORK).
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x77)
madvise(a, 2*PAGE, MADV_WIPEONFORK) = 0
vmflags(a) has wf
fork() => child
in child: maps(a) == a..a+2*PAGE rw-p
in child: pagemap(a, 2) == none
in child: load(a, 2*PAGE) == 0
in child: vmflags(a) has wf
pagemap(a, 2) == present|exclusive
load(a, 2*PAGE) == 0x77
madvise(a, 2*PAGE, MADV_KEEPONFORK) = 0
vmflags(a) lacks wf
fork() => second
in second: load(a, 2*PAGE) == 0x77
