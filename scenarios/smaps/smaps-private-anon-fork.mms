# smaps of private anonymous memory across fork: 3 dirty pages and 1 zero-page read count
# Rss 12 kB all private dirty; after fork they are shared dirty with Pss halved; once the
# parent writes one page that page is private again.
# Source: kernel-spec.md §10 (smaps observed values, without the swapped page).
requires: root, zero-page
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 3*PAGE, 0x11)
load(a+3*PAGE, 1) == 0
smaps(a).Size == 16 kB
smaps(a).Rss == 12 kB
smaps(a).Pss == 12 kB
smaps(a).Pss_Dirty == 12 kB
smaps(a).Private_Dirty == 12 kB
smaps(a).Private_Clean == 0 kB
smaps(a).Shared_Dirty == 0 kB
smaps(a).Anonymous == 12 kB
fork() => child
smaps(a).Rss == 12 kB
smaps(a).Pss == 6 kB
smaps(a).Shared_Dirty == 12 kB
smaps(a).Private_Dirty == 0 kB
smaps(a).Anonymous == 12 kB
in child: smaps(a).Pss == 6 kB
in child: smaps(a).Shared_Dirty == 12 kB
store(a, 1, 0x22)
smaps(a).Rss == 12 kB
smaps(a).Pss == 8 kB
smaps(a).Shared_Dirty == 8 kB
smaps(a).Private_Dirty == 4 kB
in child: smaps(a).Pss == 8 kB
in child: smaps(a).Private_Dirty == 4 kB
