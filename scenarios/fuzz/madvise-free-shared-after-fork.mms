# MADV_FREE cleans and ages this process's PTEs even for pages a forked child still maps: the pages
# turn from Shared_Dirty to Shared_Clean and unreferenced; a dirty folio would stay dirty while shared.
# Source: mm/madvise.c madvise_free_pte_range. Found by mmkit fuzz --seed 52051 (and 52427).
requires: root
m = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(m, 2*PAGE, 2)
fork() => c
madvise(m, 4*PAGE, MADV_FREE) = 0
smaps(m).Rss == 8 kB
smaps(m).Shared_Dirty == 0 kB
smaps(m).Shared_Clean == 8 kB
smaps(m).Referenced == 0 kB
pagemap(m, 4) == present, present, none*2
in c: smaps(m).Shared_Dirty == 8 kB
in c: smaps(m).Referenced == 0 kB
load(m, 1) == 0x02
smaps(m).Referenced == 4 kB
exit(c)
smaps(m).Private_Dirty == 0 kB
smaps(m).Private_Clean == 8 kB
store(m+PAGE, 1, 3)
smaps(m).Private_Dirty == 4 kB
