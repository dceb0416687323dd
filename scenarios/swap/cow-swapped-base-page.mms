# Basic COW after fork() on a swapped-out base page: the page is written, paged out, and the
# process forks with the swap entry; the parent's write brings back its own copy, the child keeps
# the data it had at fork.
# Source: selftests cow.c "Basic COW after fork()" (swapped-out base page); kernel-spec.md §10.
requires: root, swap
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x5a)
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 1) == swapped@S1
fork() => child
in child: pagemap(a, 1) == swapped@S1
store(a, PAGE, 0xff)
pagemap(a, 1) == present|exclusive
in child: load(a, PAGE) == 0x5a
load(a, PAGE) == 0xff
