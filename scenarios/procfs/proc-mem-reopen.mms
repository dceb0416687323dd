# Opening /proc/self/fd/N of a /proc/PID/mem descriptor opens that mem file again (mem_open): a
# new open file with its own access mode and position, bound to the address space of the process
# the link's entry belongs to, as it is at the reopen. A forked child that follows the inherited
# link reopens its parent's mem, not its own: it reads what the parent wrote after the fork. The
# reopen keeps mem's rules (SEEK_END is EINVAL; O_DIRECTORY, and O_TMPFILE, which needs a
# directory, are ENOTDIR; O_CREAT|O_EXCL is EEXIST). Found by mmkit fuzz --seed 572212239 and
# --seed 733059738 (the O_TMPFILE reopen in a forked child).
# Source: fs/proc/base.c mem_open, proc_mem_open (get_proc_task of the link's inode), mem_lseek;
# fs/proc/fd.c proc_fd_link; kernel/fork.c mm_access; fs/namei.c do_tmpfile, do_open.
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
a = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, "before")
mem = open("/proc/self/mem", O_RDONLY, 0) = 3
lseek(mem, a, SEEK_SET) = a
rw = open("/proc/self/fd/3", O_RDWR, 0)
fcntl(rw, F_GETFL, 0) = O_RDWR|O_LARGEFILE
lseek(rw, 0, SEEK_CUR) = 0
lseek(rw, 0, SEEK_END) = -1 EINVAL
store(buf, "poked!")
pwrite(rw, buf, 6, a) = 6
load(a, 6) == "poked!"
write(mem, buf, 1) = -1 EBADF
open("/proc/self/fd/3", O_RDONLY|O_DIRECTORY, 0) = -1 ENOTDIR
open("/proc/self/fd/3", O_RDONLY|O_CREAT|O_EXCL, 0600) = -1 EEXIST
open("/proc/self/fd/3", O_TMPFILE|O_RDWR, 0600) = -1 ENOTDIR
fork() => child
store(a, "parent")
in child: open("/proc/self/fd/3", O_TMPFILE|O_RDWR, 0600) = -1 ENOTDIR
in child: c = open("/proc/self/fd/3", O_RDONLY, 0)
in child: pread(c, buf, 6, a) = 6
in child: load(buf, 6) == "parent"
in child: load(a, 6) == "poked!"
# the child's own mem, opened by name, is its own address space
in child: own = open("/proc/self/mem", O_RDONLY, 0)
in child: pread(own, buf, 6, a) = 6
in child: load(buf, 6) == "poked!"
exit(child)
