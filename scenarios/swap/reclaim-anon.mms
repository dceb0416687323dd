# reclaim() takes every page the scenario's processes have in memory, as memory pressure would:
# private anonymous pages go to swap whether or not they were referenced since (reclaim clears the
# young bits and comes back for them), and every byte comes back at the next access. On the kernel,
# the processes run in a memory cgroup of their own and reclaim() writes its memory.force_empty.
# Source: mm/memcontrol-v1.c mem_cgroup_force_empty; mm/vmscan.c shrink_folio_list, folio_check_references.
requires: root, swap, memcg
a = mmap(NULL, 3*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, PAGE, 0x11)
store(a+PAGE, PAGE, 0x22)
store(a+2*PAGE, PAGE, 0x33)
load(a+PAGE, 1) == 0x22
status.VmSwap == 0 kB
reclaim()
pagemap(a, 3) == swapped*3
smaps(a).Swap == 12 kB
smaps(a).Rss == 0 kB
status.VmSwap == 12 kB
load(a, PAGE) == 0x11
load(a+PAGE, PAGE) == 0x22
pagemap(a, 3) == present|exclusive, present|exclusive, swapped
status.VmSwap == 4 kB
load(a+2*PAGE, PAGE) == 0x33
status.VmSwap == 0 kB
