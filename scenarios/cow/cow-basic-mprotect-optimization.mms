# Basic COW after fork() with the mprotect() optimization: making the page read-only and
# writable again after fork must not map the still-shared page writable; the parent's write
# copies it and the child keeps its data.
# Source: selftests cow.c "Basic COW after fork() with mprotect() optimization" (base page);
# kernel-spec.md §10.
requires: root
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x5a)
fork() => child
mprotect(a, PAGE, PROT_READ) = 0
mprotect(a, PAGE, PROT_READ|PROT_WRITE) = 0
pfn(a) == pfn(child, a)
pagemap(a, 1) == present
store(a, PAGE, 0xff)
pfn(a) != pfn(child, a)
in child: load(a, PAGE) == 0x5a
load(a, PAGE) == 0xff
