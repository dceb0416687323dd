# A guided tour of mmkit: one anonymous mapping from first touch to munmap.
# Source: kernel-spec.md §1 (pagemap), §9 (mmap, mprotect), §10 (fork and COW).
# Run it with `mmkit run examples/tour.mms`; every line prints what the kernel shows.
# pagemap PFNs are visible to privileged readers only.
requires: root

# mmap only reserves address space: four pages, nothing behind them yet.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(a) == a..a+4*PAGE rw-p
pagemap(a, 4) == none

# A read fault maps the shared zero page read-only: present, but not exclusive,
# because the zero page belongs to no one.
load(a, 1) == 0
pagemap(a, 1) == present

# A write fault replaces it with a private page of our own: present and exclusive.
store(a, PAGE, 0xab)
pagemap(a, 2) == present|exclusive, none
store(a+PAGE, PAGE, 0xcd)
pagemap(a, 2) == present|exclusive*2
pfn(a) != pfn(a+PAGE)

# fork copies the page tables, not the pages: parent and child now map the same
# frames, so neither mapping is exclusive any more.
fork() => child
pfn(a) == pfn(child, a)
pagemap(a, 2) == present*2
in child: load(a, 2) == 0xab

# A write in the child breaks copy-on-write: it gets a fresh copy of the page,
# and the parent's data is untouched.
in child: store(a, 1, 0x11)
pfn(a) != pfn(child, a)
in child: pagemap(a, 1) == present|exclusive
load(a, 1) == 0xab

# When the child exits, the parent is the only mapper again: exclusive once more.
exit(child)
pagemap(a, 2) == present|exclusive*2

# mprotect on the middle of the mapping splits one VMA into three.
mprotect(a+PAGE, 2*PAGE, PROT_READ) = 0
vmas(a, 4*PAGE) == 3
maps
maps(a+PAGE) == a+PAGE..a+3*PAGE r--p
store(a+PAGE, 1, 0) => SIGSEGV SEGV_ACCERR at a+PAGE
load(a+PAGE, 1) == 0xcd

# A spawned thread performs one access in the same address space; join prints and checks it.
spawn t1: store(a+PAGE, 1, 0) => SIGSEGV SEGV_ACCERR at a+PAGE
join t1

# munmap removes the pages and the VMAs; touching the range now is a mapping error.
munmap(a, 4*PAGE) = 0
vmas(a, 4*PAGE) == 0
load(a, 1) => SIGSEGV SEGV_MAPERR at a
