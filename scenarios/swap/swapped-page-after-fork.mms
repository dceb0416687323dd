# fork copies a swap entry, so parent and child share the swapped page. The parent's read brings
# it back as exclusive (pagemap counts the present mappings only, while the child still holds
# the swap entry); the child's write then gets its own copy, and both keep their data.
# Source: kernel-spec.md §1.5 ("a swapped page read back in by the parent while the child still
# holds the swap entry → 1"); selftests cow.c "Basic COW after fork()" on a swapped-out base page.
requires: root, swap
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x44)
madvise(a, PAGE, MADV_PAGEOUT) = 0
pagemap(a, 1) == swapped@S1
fork() => child
in child: pagemap(a, 1) == swapped@S1
load(a, 1) == 0x44
pagemap(a, 1) == present|exclusive
in child: pagemap(a, 1) == swapped@S1
in child: store(a, 1, 0x55)
in child: load(a, 2) == 0x55 0x44
load(a, 2) == 0x44
pfn(a) != pfn(child, a)
