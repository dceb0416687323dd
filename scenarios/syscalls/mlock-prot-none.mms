# mlock of a PROT_NONE mapping fails with ENOMEM (the pages cannot be faulted in), yet
# the VMA has been locked by then. Making a locked VMA writable populates it at once
# (mprotect_fixup), so both pages are then present and Locked.
# Source: kernel-spec.md §9.3; mm/mlock.c, mm/mprotect.c mprotect_fixup.
requires: root
a = mmap(NULL, 2*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mlock(a, 2*PAGE) = -1 ENOMEM
vmflags(a) == mr mw me lo
pagemap(a, 2) == none
smaps(a).Locked == 0 kB
mprotect(a, 2*PAGE, PROT_READ|PROT_WRITE) = 0
vmflags(a) == rd wr mr mw me lo ac
pagemap(a, 2) == present|exclusive
smaps(a).Locked == 8 kB
