# A forked child's counters start as its parent's (dup_mmap copies total_vm and the kinds;
# locked_vm starts at 0 since the child's VMAs lose VM_LOCKED); the changes below are counted
# from the fork. A MADV_DONTFORK VMA is missing from the child and from its VmSize.
# Source: kernel/fork.c dup_mmap, dup_mm; fs/proc/task_mmu.c task_mem.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_LOCKED, -1, 0)
d = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
madvise(d, 2*PAGE, MADV_DONTFORK) = 0
store(d, 2*PAGE, 7)
fork() => child
in child: status.VmLck == 0 kB
in child: status.VmSize == 0 kB
in child: b = mmap(NULL, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in child: store(b, 2*PAGE, 1)
in child: status.VmSize == 8 kB
in child: status.RssAnon == 8 kB
# COW keeps the kind: an anonymous page is swapped for another
in child: store(a, PAGE, 2)
in child: status.RssAnon == 8 kB
in child: munmap(a, 4*PAGE) = 0
in child: status.RssAnon == -8 kB
status.VmLck == 16 kB
status.RssAnon == 24 kB
