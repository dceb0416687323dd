# Private mappings of a memfd follow the same rule: adjacent mappings merge only with
# contiguous file offsets, faulted (COW copies) or not.
# Source: kernel-spec.md §9.5 (same file and contiguous vm_pgoff).
r = mmap(NULL, 64*PAGE, PROT_NONE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fd = memfd_create("merge", 0)
ftruncate(fd, 8*PAGE) = 0
a = mmap(r+PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, fd, 0) = r+PAGE
store(a, 1, 0x70)
b = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, fd, 6*PAGE) = r+3*PAGE
vmas(a, 4*PAGE) == 2
c = mmap(r+3*PAGE, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_FIXED, fd, 2*PAGE) = r+3*PAGE
maps(a) == a..a+4*PAGE rw-p "/memfd:merge (deleted)"
load(a, 1) == 0x70
