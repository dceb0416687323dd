# MAP_SHARED|MAP_ANONYMOUS pages are not copied into the child at fork (the VMA has no
# anon_vma): they stay exclusive in the parent until the child touches them.
# Source: kernel-spec.md §1.5, §10 (page tables copied only for VMAs with an anon_vma).
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
pagemap(a, 2) == present|file|exclusive*2
fork() => child
pagemap(a, 2) == present|file|exclusive*2
in child: pagemap(a, 2) == none
in child: load(a, 2*PAGE) == 0x11
in child: pagemap(a, 2) == present|file*2
pagemap(a, 2) == present|file*2
