# smaps of a shared anonymous mapping used by two processes: one written page and one
# read-faulted page, both mapped by both processes, give Rss 8, Pss 4, Shared_Dirty 4 and
# Shared_Clean 4 (a read-faulted shmem page is clean). Shmem pages are not Anonymous.
# Source: kernel-spec.md §10 (smaps observed values).
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
load(a+PAGE, 1) == 0
smaps(a).Rss == 8 kB
smaps(a).Pss == 8 kB
smaps(a).Private_Dirty == 4 kB
smaps(a).Private_Clean == 4 kB
smaps(a).Anonymous == 0 kB
fork() => child
# The child has no PTEs yet: the parent's pages are still its own.
smaps(a).Pss == 8 kB
in child: smaps(a).Rss == 0 kB
in child: load(a, 2*PAGE) == 0x11 0*4095 0*4096
smaps(a).Rss == 8 kB
smaps(a).Pss == 4 kB
smaps(a).Shared_Dirty == 4 kB
smaps(a).Shared_Clean == 4 kB
smaps(a).Private_Dirty == 0 kB
in child: smaps(a).Pss == 4 kB
in child: smaps(a).Shared_Dirty == 4 kB
in child: smaps(a).Shared_Clean == 4 kB
