# Guard markers stay where they are across MADV_PAGEOUT, in anonymous memory (beside pages that go
# to swap entries) and in shmem (beside pages whose PTEs are cleared); the guarded pages still
# fault, the others come back. The shmem page under the guard stays in the page cache: PAGEOUT
# only reclaims what the range maps.
# Source: mm/madvise.c madvise_cold_or_pageout_pte_range (non-present entries are skipped);
# kernel-spec.md §5, §7.
requires: root, swap
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x61)
madvise(a+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
madvise(a, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 3) == swapped@S1, swapped|guard, swapped@S2
fd = memfd_create("guard", 0)
ftruncate(fd, 3*PAGE) = 0
s = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, 3*PAGE, 0x62)
madvise(s+PAGE, PAGE, MADV_GUARD_INSTALL) = 0
madvise(s, 3*PAGE, MADV_PAGEOUT) = 0
pagemap(s, 3) == none, swapped|guard, none
smaps(s).Swap == 8 kB
load(a+PAGE, 1) => SIGSEGV
load(s+PAGE, 1) => SIGSEGV
load(a+2*PAGE, 1) == 0x61
load(s+2*PAGE, 1) == 0x62
madvise(s+PAGE, PAGE, MADV_GUARD_REMOVE) = 0
load(s+PAGE, 1) == 0x62
