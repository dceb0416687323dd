# A write by the child after fork copies the page for the child only: the parent's
# data and frame are untouched, and both pages are exclusive again.
# Source: selftests cow.c "Basic COW after fork()" (child side); kernel-spec.md §10, §1.5.
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
fork() => child
in child: store(a, 1, 0x22)
pfn(a) != pfn(child, a)
pfn(a+PAGE) == pfn(child, a+PAGE)
in child: pagemap(a, 2) == present|exclusive, present
pagemap(a, 2) == present|exclusive, present
load(a, 1) == 0x11
in child: load(a, 2) == 0x22 0x11
