# kernel-spec §1.2: /proc/PID/pagemap of another process, opened by its pid, reads that process's
# entries: its own pages and the ones it shares after fork, with the PFNs a privileged opener
# sees, the same frames as the process's own pagemap shows. The descriptor is bound to the
# address space at open, not to a snapshot: later changes there show in later reads.
# Source: fs/proc/task_mmu.c pagemap_open (proc_mem_open), pagemap_read.
requires: root
a = mmap(0x200000000, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 1, 0x11)
fork() => child
in child: store(a+PAGE, 1, 0x22)
pm = open("/proc/" + pid(child) + "/pagemap", O_RDONLY, 0) = 3
pagemap(pm, a, 4) == present@P1, present|exclusive@P2, none*2
in child: pagemap(a, 2) == present@P1, present|exclusive@P2
pagemap(a, 2) == present@P1, none
# read and pread: the file offset is the address / PAGE * 8 in the child's address space
pread(pm, buf, 8, 0x1000008) = 8
load(buf+7, 1) == 0x81
lseek(pm, 0x1000000, SEEK_SET) = 0x1000000
read(pm, buf, 16) = 16
load(buf+7, 1) == 0x80
load(buf+15, 1) == 0x81
# the child's own write breaks COW; the descriptor opened before shows the new page
in child: store(a, 1, 0x33)
pagemap(pm, a, 2) == present|exclusive@P3, present|exclusive@P2
pagemap(a, 1) == present|exclusive@P1
in child: munmap(a+PAGE, PAGE) = 0
pagemap(pm, a, 2) == present|exclusive@P3, none
# the parent's own pagemap is another file: its descriptor reads the parent
self = open("/proc/self/pagemap", O_RDONLY, 0) = 4
pagemap(self, a, 2) == present|exclusive@P1, none
