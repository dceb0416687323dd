# MAP_32BIT (x86-64) places a mapping in the first 2 GiB: a free hint below 2 GiB is
# taken, otherwise the lowest free range from 1 GiB up; a 2 MiB multiple is still
# 2 MiB aligned, and a request that does not fit below 2 GiB is ENOMEM.
# Source: kernel-spec.md §9.1 (hint honoured / not); arch/x86/kernel/sys_x86_64.c
# arch_get_unmapped_area, find_start_end.
a = mmap(NULL, PAGE, PROT_READ, MAP_32BIT|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x40000000
h = mmap(0x50000000, PAGE, PROT_READ, MAP_32BIT|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x50000000
# A hint above 2 GiB, and one on a used page, fall back to the search from 1 GiB.
b = mmap(0x90000000, PAGE, PROT_READ, MAP_32BIT|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x40001000
c = mmap(0x50000001, PAGE, PROT_READ, MAP_32BIT|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x40002000
t = mmap(NULL, HPAGE, PROT_READ, MAP_32BIT|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x40200000
fd = memfd_create("low", 0)
ftruncate(fd, PAGE) = 0
f = mmap(NULL, PAGE, PROT_READ, MAP_32BIT|MAP_SHARED, fd, 0) = 0x40003000
mmap(NULL, 0x40000000, PROT_READ, MAP_32BIT|MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM
# The three anonymous pages merge; the memfd page after them is its own VMA.
maps(a) == a..a+3*PAGE r--p
maps(f) == f..f+PAGE r--s "/memfd:low (deleted)"
maps(t) == t..t+HPAGE r--p
