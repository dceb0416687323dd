# Reopening a /proc/PID/mem descriptor through /proc/self/fd/N after that process has exited is
# ESRCH: the link's entry belongs to the process, and mem_open finds no address space to take.
# A descriptor opened before the exit stays open and reads 0 bytes (mmget_not_zero fails). A
# pagemap and a maps descriptor reopen the same way; status still opens (single_open takes
# nothing at open). An O_PATH open runs no open of the entry, so it works, and reopening that
# O_PATH descriptor opens the exited process's mem again: ESRCH. O_CREAT|O_EXCL is EEXIST before
# the entry's open is tried.
# Source: fs/proc/base.c proc_mem_open, mem_rw; kernel/fork.c mm_access (no mm: ESRCH);
# fs/proc/task_mmu.c pagemap_open, proc_maps_open; fs/proc/base.c proc_single_open;
# fs/open.c do_dentry_open (O_PATH); fs/namei.c do_open.
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fork() => child
in child: mem = open("/proc/self/mem", O_RDONLY, 0) = 3
in child: pm = open("/proc/self/pagemap", O_RDONLY, 0) = 4
in child: mf = open("/proc/self/maps", O_RDONLY, 0) = 5
in child: st = open("/proc/self/status", O_RDONLY, 0) = 6
in child: fork() => grandchild
exit(child)
in grandchild: pread(mem, buf, 8, buf) = 0
in grandchild: open("/proc/self/fd/3", O_RDONLY, 0) = -1 ESRCH
in grandchild: open("/proc/self/fd/4", O_RDONLY, 0) = -1 ESRCH
in grandchild: open("/proc/self/fd/5", O_RDONLY, 0) = -1 ESRCH
in grandchild: open("/proc/self/fd/6", O_RDONLY, 0) = 7
in grandchild: open("/proc/self/fd/3", O_RDONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST
in grandchild: open("/proc/self/fd/3", O_PATH, 0) = 8
in grandchild: open("/proc/self/fd/8", O_RDONLY, 0) = -1 ESRCH
in grandchild: open("/proc/self/fd/4", O_PATH, 0) = 9
