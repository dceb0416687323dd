# reclaim() changes nothing a process shows but what reclaim takes: an unprivileged process that
# has nothing of its own in memory keeps its VmRSS across it (on the kernel, the executor reads
# back what reclaim took of its own memory, without touching a page it had not touched before),
# and a process with two private pages loses exactly those from Rss, to swap.
# Source: mm/memcontrol-v1.c mem_cgroup_force_empty; fs/proc/task_mmu.c task_mem.
requires: swap, memcg
process u unprivileged
in u: status.VmRSS == 0 kB
in u: reclaim()
in u: status.VmRSS == 0 kB
in u: status.VmSwap == 0 kB
in u: a = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in u: store(a, 2*PAGE, 0x61)
in u: status.VmRSS == 8 kB
in u: reclaim()
in u: status.VmRSS == 0 kB
in u: status.RssAnon == 0 kB
in u: status.VmSwap == 8 kB
in u: pagemap(a, 2) == swapped*2
in u: load(a, 2*PAGE) == 0x61*8192
in u: status.VmRSS == 8 kB
in u: status.VmSwap == 0 kB
