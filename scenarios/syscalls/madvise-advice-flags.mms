# The advices that only set VMA flags: SEQUENTIAL (sr), RANDOM (rr), DONTDUMP (dd),
# MERGEABLE (mg). Each on its own page splits the mapping into four VMAs; NORMAL, DODUMP
# and UNMERGEABLE clear them again and the VMAs merge back into one.
# Source: kernel-spec.md §8, §9.5 (madvise that sets VMA flags splits); smaps VmFlags.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(a, PAGE, MADV_SEQUENTIAL) = 0
madvise(a+PAGE, PAGE, MADV_RANDOM) = 0
madvise(a+2*PAGE, PAGE, MADV_DONTDUMP) = 0
madvise(a+3*PAGE, PAGE, MADV_MERGEABLE) = 0
vmas(a, 4*PAGE) == 4
vmflags(a) == rd wr mr mw me sr ac
vmflags(a+PAGE) == rd wr mr mw me rr ac
vmflags(a+2*PAGE) == rd wr mr mw me ac dd
vmflags(a+3*PAGE) == rd wr mr mw me ac mg
# RANDOM replaces SEQUENTIAL.
madvise(a, PAGE, MADV_RANDOM) = 0
vmflags(a) == rd wr mr mw me rr ac
vmas(a, 4*PAGE) == 3
madvise(a, 4*PAGE, MADV_NORMAL) = 0
madvise(a, 4*PAGE, MADV_DODUMP) = 0
madvise(a, 4*PAGE, MADV_UNMERGEABLE) = 0
vmas(a, 4*PAGE) == 1
vmflags(a) == rd wr mr mw me ac
# KSM ignores MADV_MERGEABLE on shared memory: the call succeeds and sets nothing.
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
madvise(s, 2*PAGE, MADV_MERGEABLE) = 0
vmflags(s) == rd wr sh mr mw me ms
