# MADV_POPULATE_READ needs VM_READ and MADV_POPULATE_WRITE needs VM_WRITE, whatever the
# memory: an exec-only mapping refuses both (EINVAL), a read+exec one can be read-
# populated, and read-only shared or private file mappings refuse write-population.
# Source: kernel-spec.md §8 (POPULATE: insufficient permission → EINVAL).
requires: zero-page
x = mmap(NULL, 2*PAGE, PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(x, 2*PAGE, MADV_POPULATE_READ) = -1 EINVAL
madvise(x, 2*PAGE, MADV_POPULATE_WRITE) = -1 EINVAL
pagemap(x, 2) == none
e = mmap(NULL, 2*PAGE, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(e, 2*PAGE, MADV_POPULATE_READ) = 0
pagemap(e, 2) == present
fd = memfd_create("populate-perm", 0)
ftruncate(fd, 2*PAGE) = 0
m = mmap(NULL, 2*PAGE, PROT_READ, MAP_SHARED, fd, 0)
madvise(m, 2*PAGE, MADV_POPULATE_WRITE) = -1 EINVAL
madvise(m, 2*PAGE, MADV_POPULATE_READ) = 0
pagemap(m, 2) == present|file|exclusive
q = mmap(NULL, 2*PAGE, PROT_READ, MAP_PRIVATE, fd, 0)
madvise(q, 2*PAGE, MADV_POPULATE_WRITE) = -1 EINVAL
pagemap(q, 2) == none
