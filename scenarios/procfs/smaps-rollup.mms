# smaps_rollup sums the smaps counters of every VMA, and splits Pss by the kind of page:
# Pss_Anon, Pss_Shmem (Pss_File has no file pages to count here).
# Source: fs/proc/task_mmu.c show_smaps_rollup, smaps_page_accumulate.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 1)
smaps_rollup.Rss == 12 kB
smaps_rollup.Pss_Anon == 12 kB
smaps_rollup.Anonymous == 12 kB
smaps_rollup.Private_Dirty == 12 kB
fd = memfd_create("rollup", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
load(s, 2*PAGE) == 0
smaps_rollup.Rss == 20 kB
smaps_rollup.Pss_Shmem == 8 kB
smaps_rollup.Pss_File == 0 kB
smaps_rollup.Private_Clean == 8 kB
store(s, 1, 5)
smaps_rollup.Private_Dirty == 16 kB
smaps_rollup.Pss_Dirty == 16 kB
mlock(s, 2*PAGE) = 0
smaps_rollup.Locked == 8 kB
