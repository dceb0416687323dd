# MADV_COLD and MADV_PAGEOUT refuse mlocked VMAs with EINVAL, also when only part of
# the range is locked; once unlocked they are accepted. Only the return values are
# shown: what reclaim then does depends on the machine's swap.
# Source: kernel-spec.md §8 (PAGEOUT/COLD: mlocked → EINVAL).
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x3c)
mlock(a+PAGE, PAGE) = 0
madvise(a+PAGE, PAGE, MADV_COLD) = -1 EINVAL
madvise(a+PAGE, PAGE, MADV_PAGEOUT) = -1 EINVAL
madvise(a, 3*PAGE, MADV_COLD) = -1 EINVAL
madvise(a, 3*PAGE, MADV_PAGEOUT) = -1 EINVAL
munlock(a, 3*PAGE) = 0
madvise(a, 3*PAGE, MADV_COLD) = 0
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
