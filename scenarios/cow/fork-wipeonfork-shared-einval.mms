# MADV_WIPEONFORK applies to private anonymous memory only: a shared anonymous mapping
# and a memfd mapping refuse it with EINVAL.
# Source: kernel-spec.md §8 (WIPEONFORK: file or shared → EINVAL).
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
madvise(s, PAGE, MADV_WIPEONFORK) = -1 EINVAL
fd = memfd_create("wipe", 0)
ftruncate(fd, PAGE) = 0
p = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
madvise(p, PAGE, MADV_WIPEONFORK) = -1 EINVAL
