# madvise advice that sets a VMA flag splits the VMA; clearing the flag again merges the
# parts back, since merging needs equal flags.
# Source: kernel-spec.md §9.5 (split on madvise that sets VMA flags; merge needs the same
# vm_flags).
r = mmap(NULL, 16*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(r+PAGE, 6*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+PAGE
store(a, 6*PAGE, 0x6d)
madvise(a+2*PAGE, 2*PAGE, MADV_DONTFORK) = 0
vmas(a, 6*PAGE) == 3
vmflags(a+2*PAGE) has dc
vmflags(a) lacks dc
madvise(a+2*PAGE, 2*PAGE, MADV_DOFORK) = 0
vmas(a, 6*PAGE) == 1
madvise(a, 3*PAGE, MADV_RANDOM) = 0
vmas(a, 6*PAGE) == 2
vmflags(a) has rr
madvise(a+3*PAGE, 3*PAGE, MADV_RANDOM) = 0
maps(a) == a..a+6*PAGE rw-p
madvise(a, 6*PAGE, MADV_NORMAL) = 0
vmflags(a) lacks rr
vmas(a, 6*PAGE) == 1
