# MADV_PAGEOUT of file pages only for a caller that owns the file or may write it: otherwise a
# shared mapping would let it push another user's page cache out. For a shared mapping of root's
# 0644 file an unprivileged process's PAGEOUT does nothing and returns 0; in a private mapping of
# it only the pages the process copied (anonymous) go, the file's pages stay. The same process
# pages out a file it owns even when it may not write it (0400), and root pages out anything.
# mincore follows the same rule (can_do_mincore): for root's file it shows every page resident.
# Source: mm/madvise.c can_do_file_pageout, madvise_pageout, madvise_cold_or_pageout_pte_range
# (pageout_anon_only_filter); mm/mincore.c can_do_mincore.
requires: root, swap
fd = open("rootfile", O_RDWR|O_CREAT, 0644)
ftruncate(fd, 3*PAGE) = 0
w = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(w, 2*PAGE, 0x99)
munmap(w, 3*PAGE) = 0
process u unprivileged
in u: r = open("rootfile", O_RDONLY, 0)
in u: s = mmap(NULL, 3*PAGE, PROT_READ, MAP_SHARED, r, 0)
in u: load(s, 2*PAGE) == 0x99*8192
in u: madvise(s, 3*PAGE, MADV_PAGEOUT) = 0
in u: smaps(s).Rss == 8 kB
in u: smaps(s).Swap == 0 kB
in u: mincore(s, 3*PAGE) == 1*3
in u: p = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE, r, 0)
in u: load(p, 1) == 0x99
in u: store(p+PAGE, 1, 0x77)
in u: munmap(s, 3*PAGE) = 0
in u: madvise(p, 2*PAGE, MADV_PAGEOUT) = 0
in u: smaps(p).Rss == 4 kB
in u: smaps(p).Swap == 4 kB
in u: mincore(p, 2*PAGE) == 1*2
in u: load(p, 2*PAGE) == 0x99*4096 0x77 0x99*4095
in u: munmap(p, 2*PAGE) = 0
in u: o = open("ufile", O_RDWR|O_CREAT, 0400)
in u: ftruncate(o, 2*PAGE) = 0
in u: m = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, o, 0)
in u: store(m, PAGE, 0x55)
in u: madvise(m, PAGE, MADV_PAGEOUT) = 0
in u: smaps(m).Swap == 4 kB
in u: mincore(m, 2*PAGE) == 0 0
in u: load(m, PAGE) == 0x55*4096
t = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
load(t, 2*PAGE) == 0x99*8192
madvise(t, 3*PAGE, MADV_PAGEOUT) = 0
smaps(t).Swap == 8 kB
mincore(t, 3*PAGE) == 0*3
