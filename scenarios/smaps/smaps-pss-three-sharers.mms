# Pss divides each page by its mapcount in fixed point (PSS_SHIFT 12) and truncates the sum:
# 3 pages shared by 3 processes give Pss 3 kB, not 4; it grows back as sharers leave.
# Source: kernel-spec.md §10 (Pss = Σ page size / mapcount), fs/proc/task_mmu.c smaps_account.
requires: root
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x33)
fork() => c1
in c1: fork() => c2
smaps(a).Rss == 12 kB
smaps(a).Pss == 3 kB
smaps(a).Shared_Dirty == 12 kB
in c2: smaps(a).Pss == 3 kB
# One page left by c2: it is shared by two, the others by three.
in c2: madvise(a, PAGE, MADV_DONTNEED) = 0
smaps(a).Pss == 4 kB
in c2: smaps(a).Rss == 8 kB
in c1: munmap(a, 3*PAGE) = 0
pagemap(a, 3) == present|exclusive, present*2
smaps(a).Pss == 8 kB
smaps(a).Private_Dirty == 4 kB
smaps(a).Shared_Dirty == 8 kB
exit(c2)
smaps(a).Pss == 12 kB
pagemap(a, 3) == present|exclusive*3
