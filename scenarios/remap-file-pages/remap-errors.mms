# What remap_file_pages refuses with EINVAL: a non-zero prot, an empty range after rounding down,
# a private or anonymous private mapping, an unmapped start, a range that runs into a hole or
# into a VMA with other flags, and a page offset that wraps. An unaligned start and size round
# down silently.
# Source: kernel-spec.md §6.2; mm/mmap.c SYSCALL_DEFINE5(remap_file_pages).
fd = memfd_create("rfp", 0)
ftruncate(fd, 8*PAGE) = 0
m = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
remap_file_pages(m, PAGE, PROT_READ, 1, 0) = -1 EINVAL
remap_file_pages(m, PAGE-1, 0, 1, 0) = -1 EINVAL
remap_file_pages(m, 0, 0, 1, 0) = -1 EINVAL
remap_file_pages(m, PAGE, 0, 0xffffffffffffffff, 0) = -1 EINVAL
p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
remap_file_pages(p, PAGE, 0, 1, 0) = -1 EINVAL
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
remap_file_pages(a, PAGE, 0, 1, 0) = -1 EINVAL
munmap(m+3*PAGE, PAGE) = 0
remap_file_pages(m+3*PAGE, PAGE, 0, 1, 0) = -1 EINVAL
remap_file_pages(m+2*PAGE, 2*PAGE, 0, 1, 0) = -1 EINVAL
mprotect(m+PAGE, PAGE, PROT_READ) = 0
remap_file_pages(m, 2*PAGE, 0, 4, 0) = -1 EINVAL
# rounded down: [m+2*PAGE, m+3*PAGE) at file page 5, the unknown flag bits ignored
remap_file_pages(m+2*PAGE+123, PAGE+5, 0, 5, 0xffff) = 0
maps
