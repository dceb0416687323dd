# Basic COW after fork() on a base page: a write by the parent after fork never
# leaks into the child, which keeps the data it saw at fork.
# Source: selftests cow.c "Basic COW after fork()" (base page); kernel-spec.md §10.
requires: root
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x5a)
fork() => child
pfn(a) == pfn(child, a)
pagemap(a, 1) == present
in child: pagemap(a, 1) == present
# The parent overwrites the page: it gets a new copy, the child keeps the old one.
store(a, PAGE, 0xff)
pfn(a) != pfn(child, a)
pagemap(a, 1) == present|exclusive
in child: load(a, PAGE) == 0x5a
in child: pagemap(a, 1) == present|exclusive
load(a, PAGE) == 0xff
