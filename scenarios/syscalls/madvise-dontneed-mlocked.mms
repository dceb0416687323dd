# MADV_DONTNEED refuses mlocked VMAs with EINVAL and leaves their pages alone;
# MADV_DONTNEED_LOCKED drops them anyway, and the next read sees zeroes.
# Source: kernel-spec.md §8 (DONTNEED on VM_LOCKED → EINVAL, DONTNEED_LOCKED allowed).
requires: root
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x6d)
mlock(a, 2*PAGE) = 0
madvise(a, 2*PAGE, MADV_DONTNEED) = -1 EINVAL
pagemap(a, 2) == present|exclusive
load(a, 2*PAGE) == 0x6d
madvise(a, PAGE, MADV_DONTNEED_LOCKED) = 0
pagemap(a, 2) == none, present|exclusive
vmflags(a) has lo
load(a, 2*PAGE) == 0*PAGE 0x6d*PAGE
# DONTNEED_LOCKED works on unlocked memory as well.
munlock(a, 2*PAGE) = 0
madvise(a+PAGE, PAGE, MADV_DONTNEED_LOCKED) = 0
load(a+PAGE, 1) == 0
