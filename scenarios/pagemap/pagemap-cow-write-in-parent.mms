# A COW write in the parent after fork maps a new exclusive page in the parent; the old page
# is then mapped by the child alone and shows exclusive there.
# Source: kernel-spec.md §1.5 (after COW write in parent → new page, exclusive).
requires: root
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
pagemap(a, 1) == present|exclusive@P1
fork() => child
in child: pagemap(a, 1) == present@P1
store(a, 1, 0x22)
pagemap(a, 1) == present|exclusive@P2
in child: pagemap(a, 1) == present|exclusive@P1
