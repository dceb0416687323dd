# munmap needs a page-aligned address and a non-zero length inside the task size
# (EINVAL otherwise); the length is rounded up, and unmapping a range where nothing is
# mapped succeeds.
# Source: kernel-spec.md §9.2.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
munmap(a+1, PAGE) = -1 EINVAL
munmap(a, 0) = -1 EINVAL
munmap(a, -4096) = -1 EINVAL
# A range that crosses the 47-bit task size, and one that starts at it.
munmap(0x7ffffffff000 - PAGE, 2*PAGE) = -1 EINVAL
munmap(0x7ffffffff000, PAGE) = -1 EINVAL
vmas(a, 4*PAGE) == 1
# One byte unmaps the whole first page.
munmap(a, 1) = 0
maps(a+PAGE) == a+PAGE..a+4*PAGE rw-p
vmas(a, PAGE) == 0
load(a, 1) => SIGSEGV SEGV_MAPERR at a
# Unmapping it again, or a range that is partly unmapped, is fine.
munmap(a, PAGE) = 0
munmap(a, 4*PAGE) = 0
vmas(a, 4*PAGE) == 0
