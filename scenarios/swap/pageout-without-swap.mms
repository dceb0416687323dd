# MADV_PAGEOUT with no swap area: an anonymous page has nowhere to go (add_to_swap fails and
# reclaim activates it), so it stays mapped; a shared memfd page is unmapped all the same
# (try_to_unmap comes before shmem_writeout, which then fails and keeps the page in the page cache),
# so pagemap reads none and the next access maps the same data again. MADV_COLD only ages.
# Source: mm/vmscan.c shrink_folio_list, mm/shmem.c shmem_writeout.
requires: root
fd = memfd_create("pageout", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x5a)
load(s+PAGE, 1) == 0x00
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x11)
madvise(a, 2*PAGE, MADV_COLD) = 0
smaps(a).Referenced == 0 kB
madvise(s, 2*PAGE, MADV_PAGEOUT) = 0
madvise(a, 2*PAGE, MADV_PAGEOUT) = 0
pagemap(s, 2) == none*2
pagemap(a, 2) == present|exclusive@P1, present|exclusive@P2
smaps(s).Rss == 0 kB
smaps(a).Rss == 8 kB
load(s, 1) == 0x5a
load(a+PAGE, 1) == 0x11
