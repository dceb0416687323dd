# A shared memfd page that MADV_PAGEOUT reclaims goes to swap too, but shmem clears the process's
# PTE instead of leaving a swap entry there: pagemap reads 0, only smaps Swap shows the page.
# Source: kernel-spec.md §1.4 ("Swapped shmem/memfd pages") and §8 (PAGEOUT).
requires: root, swap
divergence: shmem swap is not modelled yet (issue 10): the model leaves shmem pages mapped on MADV_PAGEOUT
fd = memfd_create("pageout", 0)
ftruncate(fd, PAGE) = 0
s = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x5a)
pagemap(s, 1) == present|file|exclusive
madvise(s, PAGE, MADV_PAGEOUT) = 0
# the kernel: none, and Swap 4 kB (no expectation while the model differs; see the divergence)
pagemap(s, 1)
smaps(s).Swap
load(s, PAGE) == 0x5a
pagemap(s, 1) == present|file|exclusive
