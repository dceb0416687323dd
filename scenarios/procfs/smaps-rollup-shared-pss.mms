# Pss_Shmem of a shared anonymous mapping halves when a child maps the same pages; the parent's
# rollup counts them as shared, and the other kinds are untouched.
# Source: fs/proc/task_mmu.c smaps_account (mapcount >= 2), show_smaps_rollup.
sh = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(sh, 4*PAGE, 9)
smaps_rollup.Pss_Shmem == 16 kB
fork() => child
in child: load(sh, 4*PAGE) == 9
smaps_rollup.Pss_Shmem == 8 kB
in child: smaps_rollup.Pss_Shmem == 8 kB
in child: munmap(sh, 2*PAGE) = 0
smaps_rollup.Pss_Shmem == 12 kB
exit(child)
smaps_rollup.Pss_Shmem == 16 kB
