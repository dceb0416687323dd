# A read fault on private anonymous memory maps the shared zero page: present, but neither
# exclusive (the zero page has no mapcount) nor file; every such page is the same frame.
# Source: kernel-spec.md §1.4, §1.6 (anon read fault → 0x80… | zero_pfn).
requires: root, zero-page
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(a, 2*PAGE) == 0
pagemap(a, 2) == present*2
pfn(a) == pfn(a+PAGE)
# A read-only mapping gets the zero page too.
r = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(r, 1) == 0
pfn(r) == pfn(a)
pagemap(r, 1) == present
