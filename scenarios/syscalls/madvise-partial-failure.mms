# madvise walks the VMAs in order and stops at the first one that refuses the advice:
# MADV_WIPEONFORK over a private mapping followed by a shared one fails with EINVAL, yet
# the private VMA has been marked already.
# Source: kernel-spec.md §8 (WIPEONFORK only on private anon); mm/madvise.c madvise_walk_vmas.
requires: root
r = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
s = mmap(r+2*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = r+2*PAGE
madvise(r, 4*PAGE, MADV_WIPEONFORK) = -1 EINVAL
vmas(r, 4*PAGE) == 2
vmflags(r) == rd wr mr mw me ac wf
vmflags(s) lacks wf
# The same for MADV_DONTNEED with an mlocked VMA in the middle: the pages before it are
# dropped, the locked VMA and everything after it keep theirs.
b = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(b, 3*PAGE, 0x4b)
mlock(b+PAGE, PAGE) = 0
madvise(b, 3*PAGE, MADV_DONTNEED) = -1 EINVAL
pagemap(b, 3) == none, present|exclusive*2
load(b, 3*PAGE) == 0*PAGE 0x4b*8192
