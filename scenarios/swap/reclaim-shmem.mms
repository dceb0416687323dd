# Reclaim takes shmem pages too: a shared memfd page and a MAP_SHARED|MAP_ANONYMOUS page go to
# swap through their files, so the PTEs are cleared (pagemap none) and smaps Swap
# counts them. Every byte comes back at the next access.
# Source: mm/shmem.c shmem_writeout; mm/vmscan.c shrink_folio_list; mm/memcontrol-v1.c mem_cgroup_force_empty.
requires: root, swap, memcg
fd = memfd_create("reclaim", 0)
ftruncate(fd, 2*PAGE) = 0
s = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_SHARED, fd, 0)
store(s, PAGE, 0x5a)
store(s+PAGE, PAGE, 0x5b)
t = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, -1, 0)
store(t, PAGE, 0x6c)
status.RssShmem == 12 kB
reclaim()
pagemap(s, 2) == none*2
pagemap(t, 1) == none
smaps(s).Swap == 8 kB
smaps(s).Rss == 0 kB
smaps(t).Swap == 4 kB
status.RssShmem == 0 kB
load(s+PAGE, PAGE) == 0x5b
load(t, PAGE) == 0x6c
smaps(s).Swap == 4 kB
store(s, 1, 0x5d)
load(s, 2) == 0x5d 0x5a
smaps(s).Swap == 0 kB
status.RssShmem == 12 kB
