# A private mapping's copies of a memfd's pages out in swap: a hole punched in the file leaves
# them alone (the punch unmaps only the file's own pages), a truncation removes them with the rest
# of the range past the new end (their slots are freed: VmSwap drops) and the range then raises
# SIGBUS.
# Source: mm/shmem.c shmem_fallocate (unmap_mapping_range with even_cows 0), shmem_setattr
# (even_cows 1); mm/memory.c zap_nonpresent_ptes (should_zap_cows), free_swap_and_cache.
requires: root, swap
fd = memfd_create("cow", 0)
ftruncate(fd, 3*PAGE) = 0
s = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 3*PAGE, 0x11)
p = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, fd, 0)
store(p, 3*PAGE, 0x22)
madvise(p, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(p, 3) == swapped@S1, swapped@S2, swapped@S3
status.VmSwap == 12 kB
fallocate(fd, FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE, 0, 2*PAGE) = 0
pagemap(p, 3) == swapped@S1, swapped@S2, swapped@S3
load(s, 2*PAGE) == 0x00
ftruncate(fd, PAGE) = 0
pagemap(p, 3) == swapped@S1, none*2
status.VmSwap == 4 kB
load(p+PAGE, 1) => SIGBUS
load(p, PAGE) == 0x22
status.VmSwap == 0 kB
