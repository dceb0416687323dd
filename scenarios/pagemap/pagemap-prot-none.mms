# mprotect(PROT_NONE) keeps the PTE: pagemap still shows the page present (and exclusive),
# with the same frame, while any access is refused.
# Source: kernel-spec.md §1.1 (bit 63 includes PROT_NONE ptes), §9.3.
requires: root
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
pagemap(a, 1) == present|exclusive@P1
mprotect(a, PAGE, PROT_NONE) = 0
pagemap(a, 1) == present|exclusive@P1
load(a, 1) => SIGSEGV SEGV_ACCERR at a
mprotect(a, PAGE, PROT_READ) = 0
load(a, PAGE) == 0x11
