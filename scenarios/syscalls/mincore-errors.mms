# mincore needs a page-aligned start (EINVAL) and a range that is mapped throughout
# (ENOMEM for any unmapped page, and for a range that leaves the user address space).
# Source: kernel-spec.md (brief: mincore errors), mm/mincore.c.
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
mincore(a+1, PAGE) = -1 EINVAL
munmap(a+PAGE, PAGE) = 0
mincore(a, 3*PAGE) = -1 ENOMEM
mincore(a+PAGE, PAGE) = -1 ENOMEM
mincore(a+PAGE, 2*PAGE) = -1 ENOMEM
mincore(a, PAGE) == 0
mincore(a+2*PAGE, PAGE) == 0
mincore(a, -4096) = -1 ENOMEM
mincore(0x7ffffffff000, PAGE) = -1 ENOMEM
