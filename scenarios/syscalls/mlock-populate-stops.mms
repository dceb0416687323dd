# mlock over three VMAs whose middle one is PROT_NONE locks all three, but populating
# stops at the inaccessible VMA: the call fails with ENOMEM, the first VMA's pages are
# present and the last VMA's are not.
# Source: kernel-spec.md §9 (mlock of PROT_NONE → ENOMEM, VMA locked); mm/gup.c __mm_populate.
requires: root
x = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mprotect(x+PAGE, PAGE, PROT_NONE) = 0
mlock(x, 3*PAGE) = -1 ENOMEM
vmas(x, 3*PAGE) == 3
vmflags(x) == rd wr mr mw me lo ac
vmflags(x+PAGE) == mr mw me lo
vmflags(x+2*PAGE) == rd wr mr mw me lo ac
pagemap(x, 3) == present|exclusive, none*2
smaps(x).Locked == 4 kB
smaps(x+2*PAGE).Locked == 0 kB
