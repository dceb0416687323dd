# A private anonymous page that MADV_PAGEOUT reclaims goes to swap: pagemap shows a swap entry
# (bit 62, a slot instead of a frame), and the next access reads the data back from swap.
# Source: kernel-spec.md §1.4 (swap-format entries) and §8 (PAGEOUT); selftests cow.c "swapped-out base page".
requires: root, swap
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
store(a+PAGE, PAGE, 0x22)
# no pagemap before the pageout: the frames it frees may or may not come back at swap-in (the
# kernel's free lists and zram's own allocations decide), so only labels first seen after it compare
smaps(a).Rss == 8 kB
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(a, 2) == swapped@S1, swapped@S2
smaps(a).Swap == 8 kB
load(a, PAGE) == 0x11
load(a+PAGE, PAGE) == 0x22
pagemap(a, 2) == present|exclusive
smaps(a).Swap == 0 kB
