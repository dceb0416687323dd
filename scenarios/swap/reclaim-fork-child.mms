# Reclaim takes the pages of every process of the scenario: the child's own page and the parent's
# go, each counted in its own VmSwap, and a page a child wrote after fork (its own copy) too.
# Source: mm/memcontrol-v1.c mem_cgroup_force_empty (every page charged to the group).
requires: root, swap, memcg
a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 2*PAGE, 0x51)
fork() => child
in child: store(a, 1, 0x52)
in child: b = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in child: store(b, PAGE, 0x53)
reclaim()
status.VmSwap == 8 kB
in child: status.VmSwap == 12 kB
in child: pagemap(a, 2) == swapped@S1, swapped@S2
pagemap(a, 2) == swapped@S3, swapped@S2
in child: load(a, 2) == 0x52 0x51
in child: load(b, PAGE) == 0x53
load(a, 2) == 0x51 0x51
in child: status.VmSwap == 4 kB
in child: exit()
load(a+PAGE, PAGE) == 0x51
status.VmSwap == 0 kB
