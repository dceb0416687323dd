# RLIMIT_NOFILE starts at the kernel's boot defaults, soft 1024 and hard 4096, and a fork copies
# it. A new descriptor is the lowest free one; when that is at or past the soft limit, open, dup,
# F_DUPFD, memfd_create, pipe (which needs two: with one free, neither is installed) and
# pidfd_open fail with EMFILE (open before it looks at the path). dup2/dup3 to a descriptor at or
# past the limit is EBADF, F_DUPFD from there EINVAL. A hard limit above fs.nr_open (1048576) is
# EPERM, a soft one above the hard one EINVAL; a hard limit once lowered cannot be raised without
# CAP_SYS_RESOURCE. Descriptors open above a lowered limit stay usable.
# Source: fs/file.c alloc_fd, ksys_dup3, f_dupfd; kernel/sys.c do_prlimit; fs/pipe.c
# __do_pipe_flags; mm/memfd.c memfd_create; include/uapi/linux/fs.h INR_OPEN_CUR, INR_OPEN_MAX.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
getrlimit(RLIMIT_NOFILE, buf) = 0
load(buf, rlimit) == {rlim_cur=1024, rlim_max=4096}
store(buf, rlimit {rlim_cur=16, rlim_max=4096})
setrlimit(RLIMIT_NOFILE, buf) = 0
fork() => child
in child: getrlimit(RLIMIT_NOFILE, buf) = 0
in child: load(buf, rlimit) == {rlim_cur=16, rlim_max=4096}
exit(child)
a = open("a", O_RDWR|O_CREAT, 0600)
high = fcntl(a, F_DUPFD, 10) = 10
store(buf, rlimit {rlim_cur=7, rlim_max=4096})
setrlimit(RLIMIT_NOFILE, buf) = 0
dup(a) = 4
fcntl(a, F_DUPFD, 0) = 5
pipe(buf+64) = -1 EMFILE
memfd_create("m", 0) = 6
dup(a) = -1 EMFILE
open("missing", O_RDONLY, 0) = -1 EMFILE
open("b", O_RDWR|O_CREAT, 0600) = -1 EMFILE
open("b", O_RDONLY, 0) = -1 EMFILE
pidfd_open(pid(main), 0) = -1 EMFILE
memfd_create("m", 0) = -1 EMFILE
fcntl(a, F_DUPFD, 7) = -1 EINVAL
dup2(a, 7) = -1 EBADF
dup3(a, 7, 0) = -1 EBADF
dup2(a, 6) = 6
dup(high) = -1 EMFILE
fork() => low
in low: dup(a) = -1 EMFILE
in low: getrlimit(RLIMIT_NOFILE, buf) = 0
in low: load(buf, rlimit) == {rlim_cur=7, rlim_max=4096}
exit(low)
close(high) = 0
close(5) = 0
pipe(buf+64) = -1 EMFILE
close(4) = 0
pipe(buf+64) = 0
load(buf+64, int) == 4
load(buf+68, int) == 5
store(buf, rlimit {rlim_cur=8, rlim_max=1048577})
setrlimit(RLIMIT_NOFILE, buf) = -1 EPERM
store(buf, rlimit {rlim_cur=4097, rlim_max=4096})
setrlimit(RLIMIT_NOFILE, buf) = -1 EINVAL
store(buf, rlimit {rlim_cur=8, rlim_max=2048})
setrlimit(RLIMIT_NOFILE, buf) = 0
dup(a) = 7
store(buf, rlimit {rlim_cur=8, rlim_max=4096})
setrlimit(RLIMIT_NOFILE, buf) = -1 EPERM
