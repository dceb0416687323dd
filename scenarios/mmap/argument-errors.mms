# mmap and munmap argument checks.
# Source: kernel-spec.md §9.1 and §9.2 (every errno observed on 6.18).
mmap(NULL, 0, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0) = -1 EBADF
b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mmap(b+1, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 EINVAL
mmap(b+PAGE, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST
munmap(b+1, PAGE) = -1 EINVAL
munmap(b, 0) = -1 EINVAL
munmap(b, 2*PAGE) = 0
munmap(b, 2*PAGE) = 0
