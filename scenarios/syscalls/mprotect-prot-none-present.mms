# PROT_NONE makes the pages inaccessible (SEGV_ACCERR) but does not unmap them: pagemap
# still reports them present with the same frames, and restoring the protection
# gives back the same data.
# Source: kernel-spec.md §9.3 (PROT_NONE PTEs stay present), §1.1.
requires: root, zero-page
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
load(a+PAGE, 1) == 0
pagemap(a, 3) == present|exclusive@P1, present, none
mprotect(a, 3*PAGE, PROT_NONE) = 0
pagemap(a, 3) == present|exclusive@P1, present, none
load(a, 1) => SIGSEGV SEGV_ACCERR at a
store(a+2*PAGE, 1, 0) => SIGSEGV SEGV_ACCERR at a+2*PAGE
maps(a) == a..a+3*PAGE ---p
mprotect(a, 3*PAGE, PROT_READ) = 0
load(a, 1) == 0x11
pagemap(a, 3) == present|exclusive@P1, present, none
