# MADV_COLD and MADV_PAGEOUT make the pages only this process maps old (young bit and
# PG_referenced cleared) even where nothing is reclaimed; MADV_COLD keeps them mapped.
# Source: mm/madvise.c madvise_cold_or_pageout_pte_range.
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x71)
smaps(a).Referenced == 8 kB
madvise(a, PAGE, MADV_COLD) = 0
smaps(a).Referenced == 4 kB
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
status.VmSwap == 0 kB
