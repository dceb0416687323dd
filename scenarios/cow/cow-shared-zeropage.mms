# Basic COW on the shared zero page: two private anonymous mappings read-faulted map the
# same zero page; a write to one gets a private page and the other still reads zeros.
# Source: selftests cow.c non-anon "Basic COW" with the shared zeropage; kernel-spec.md §1.6.
requires: root, zero-page
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
load(a, 1) == 0
load(b, 1) == 0
pfn(a) == pfn(b)
pagemap(a, 1) == present
store(a, PAGE, 0xff)
pfn(a) != pfn(b)
pagemap(a, 1) == present|exclusive
pagemap(b, 1) == present
load(b, PAGE) == 0
load(a, PAGE) == 0xff
