# A MAP_SHARED|MAP_ANONYMOUS mapping stays shared across fork: writes by either process are
# seen by the other, through the same page.
# Source: kernel-spec.md §10 (shared mappings after fork), §1.5.
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
fork() => child
in child: load(a, PAGE) == 0x11
in child: store(a, 1, 0x22)
load(a, 2) == 0x22 0x11
store(a+PAGE, 1, 0x33)
in child: load(a+PAGE, 1) == 0x33
pfn(a) == pfn(child, a)
pfn(a+PAGE) == pfn(child, a+PAGE)
pagemap(a, 2) == present|file*2
