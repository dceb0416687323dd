# The exclusive bit follows the page's mapcount across fork: shared with a living child the
# page is not exclusive in either process; once the child exits it is exclusive again.
# Source: kernel-spec.md §1.5 (anon after fork, child alive → 0x80…; after the child exits → 0x81…).
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
pagemap(a, 2) == present|exclusive*2
fork() => child
pagemap(a, 2) == present*2
in child: pagemap(a, 2) == present*2
pfn(a) == pfn(child, a)
exit(child)
pagemap(a, 2) == present|exclusive*2
