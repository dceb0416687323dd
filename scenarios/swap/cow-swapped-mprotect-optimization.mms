# Basic COW after fork() with the mprotect() optimization on a swapped-out base page: mprotect
# leaves swap entries alone, and the write after it must not reuse the page the child still needs.
# Source: selftests cow.c "Basic COW after fork() with mprotect() optimization" (swapped-out base
# page); mm/mprotect.c change_pte_range.
requires: root, swap
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x5a)
madvise(a, PAGE, MADV_PAGEOUT) = 0
fork() => child
mprotect(a, PAGE, PROT_READ) = 0
mprotect(a, PAGE, PROT_READ|PROT_WRITE) = 0
pagemap(a, 1) == swapped@S1
store(a, PAGE, 0xff)
in child: load(a, PAGE) == 0x5a
load(a, PAGE) == 0xff
in child: pagemap(a, 1) == present|exclusive
