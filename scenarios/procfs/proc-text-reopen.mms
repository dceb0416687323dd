# /proc/PID/maps, smaps, smaps_rollup, status, statm and pagemap reopened through /proc/self/fd/N
# open the same entry again: a new file at position 0 that reads the same process. A text file
# reopened for writing by an unprivileged process is EACCES, as a direct open is (mode 0444); a
# pagemap reopen reads the same entries as the descriptor it came from.
# Source: fs/proc/fd.c proc_fd_link; fs/proc/task_mmu.c proc_maps_open, pagemap_open;
# fs/proc/base.c proc_single_open; fs/namei.c may_open.
process u unprivileged
in u: buf = mmap(0x200000000, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
in u: store(buf, 1, 1)
in u: mf = open("/proc/self/maps", O_RDONLY, 0) = 3
in u: sm = open("/proc/self/smaps", O_RDONLY, 0) = 4
in u: ro = open("/proc/self/smaps_rollup", O_RDONLY, 0) = 5
in u: st = open("/proc/self/status", O_RDONLY, 0) = 6
in u: sa = open("/proc/self/statm", O_RDONLY, 0) = 7
in u: pm = open("/proc/self/pagemap", O_RDONLY, 0) = 8
in u: read(mf, buf+PAGE, 20) = 20
in u: m2 = open("/proc/self/fd/3", O_RDONLY, 0)
in u: lseek(m2, 0, SEEK_CUR) = 0
in u: lseek(mf, 0, SEEK_CUR) = 20
in u: read(m2, buf+PAGE, 10) = 10
in u: open("/proc/self/fd/3", O_RDWR, 0) = -1 EACCES
in u: open("/proc/self/fd/4", O_WRONLY, 0) = -1 EACCES
in u: s2 = open("/proc/self/fd/4", O_RDONLY, 0)
in u: read(s2, buf+PAGE, 10) = 10
in u: r2 = open("/proc/self/fd/5", O_RDONLY, 0)
in u: read(r2, buf+PAGE, 10) = 10
in u: open("/proc/self/fd/6", O_WRONLY, 0) = -1 EACCES
in u: t2 = open("/proc/self/fd/6", O_RDONLY, 0)
in u: read(t2, buf+PAGE, 5) = 5
in u: a2 = open("/proc/self/fd/7", O_RDONLY, 0)
in u: read(a2, buf+PAGE, 1) = 1
in u: p2 = open("/proc/self/fd/8", O_RDONLY, 0)
in u: fcntl(p2, F_GETFL, 0) = O_RDONLY|O_LARGEFILE
in u: pread(p2, buf+PAGE, 8, 0x1000000) = 8
in u: pread(pm, buf+PAGE+8, 8, 0x1000000) = 8
in u: load(buf+PAGE+7, 1) == 0x81
in u: load(buf+PAGE+15, 1) == 0x81
in u: open("/proc/self/fd/8", O_RDONLY|O_DIRECTORY, 0) = -1 ENOTDIR
