# Two mappings of the same memfd placed next to each other merge only when their file
# offsets are contiguous too.
# Source: kernel-spec.md §9.5 [obs: memfd mappings merge only with contiguous offsets].
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("merge", 0)
ftruncate(fd, 8*PAGE) = 0
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 0) = r+PAGE
# Offset 4 pages after offset 0..2: not contiguous, two VMAs.
b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 4*PAGE) = r+3*PAGE
vmas(a, 4*PAGE) == 2
maps(b) == b..b+2*PAGE rw-s "/memfd:merge (deleted)"
# Offset 2 pages: contiguous with the first mapping, one VMA.
c = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_FIXED, fd, 2*PAGE) = r+3*PAGE
maps(a) == a..a+4*PAGE rw-s "/memfd:merge (deleted)"
# A mapping of the same offsets with other protections does not merge.
d = mmap(r+5*PAGE, 2*PAGE, PROT_READ, MAP_SHARED|MAP_FIXED, fd, 4*PAGE) = r+5*PAGE
vmas(a, 6*PAGE) == 2
