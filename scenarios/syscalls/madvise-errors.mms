# madvise argument checks: an unaligned start or an unknown advice is EINVAL, a zero
# length is 0 (even where nothing is mapped, but not for an unknown advice), a length
# that wraps past the end of the address space is EINVAL; an unmapped range is ENOMEM.
# Source: kernel-spec.md §8 (generic errors), §0 (no CONFIG_MEMORY_FAILURE: HWPOISON EINVAL).
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(a+1, PAGE, MADV_DONTNEED) = -1 EINVAL
madvise(a, PAGE, 5) = -1 EINVAL
madvise(a, PAGE, 99) = -1 EINVAL
madvise(a, PAGE, MADV_HWPOISON) = -1 EINVAL
madvise(a, 0, MADV_DONTNEED) = 0
madvise(a, 0, 5) = -1 EINVAL
madvise(a, -4096, MADV_NORMAL) = -1 EINVAL
# The length is rounded up: one byte advises the whole page.
store(a, 2*PAGE, 0x33)
madvise(a, 1, MADV_DONTNEED) = 0
load(a, 2*PAGE) == 0*PAGE 0x33*PAGE
munmap(a, 2*PAGE) = 0
madvise(a, PAGE, MADV_NORMAL) = -1 ENOMEM
madvise(a, 0, MADV_NORMAL) = 0
