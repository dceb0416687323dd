# Addresses at or above the task size, up to the kernel half of the address space
# (bit 63 set), are unsigned numbers beyond every VMA: a hint there is ignored, MAP_FIXED
# there is ENOMEM, munmap is EINVAL, and mprotect, madvise, mlock and mincore find
# nothing mapped (ENOMEM).
# Source: kernel-spec.md §9.1 (hint, task size), §9.2, §9.3, §8; mm/mmap.c
# __get_unmapped_area.
h = mmap(0xffff800000000000, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(h) == h..h+PAGE r--p
g = mmap(0x800000000000, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
maps(g) == g..g+PAGE rw-p
mmap(0xffff800000000000, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 ENOMEM
mmap(0x800000000000, PAGE, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED, -1, 0) = -1 ENOMEM
munmap(0xffff800000000000, PAGE) = -1 EINVAL
mprotect(0xffff800000000000, PAGE, PROT_READ) = -1 ENOMEM
madvise(0xffff800000000000, PAGE, MADV_NORMAL) = -1 ENOMEM
mlock(0xffff800000000000, PAGE) = -1 ENOMEM
mincore(0xffff800000000000, PAGE) = -1 ENOMEM
