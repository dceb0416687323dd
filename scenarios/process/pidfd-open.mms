# pidfd_open gives a close-on-exec, read-write descriptor of a process: unknown flags and pids not
# above 0 are EINVAL, a pid no process has ESRCH. A pidfd has no read and no mmap, and poll shows
# nothing while the process runs. process_mrelease takes only a pidfd (EBADF otherwise), no flags,
# and only a process that is exiting (EINVAL for a live one).
# Source: kernel/pid.c pidfd_open; fs/pidfs.c pidfd_poll; mm/oom_kill.c process_mrelease.
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
fork() => child
pidfd_open(pid(child), 2) = -1 EINVAL
pidfd_open(0, 0) = -1 EINVAL
pidfd_open(-1, 0) = -1 EINVAL
pidfd_open(0x7ffffff0, 0) = -1 ESRCH
fd = pidfd_open(pid(child), 0)
fcntl(fd, F_GETFD, 0) = 1
fcntl(fd, F_GETFL, 0) = 2
nb = pidfd_open(pid(child), PIDFD_NONBLOCK)
fcntl(nb, F_GETFL, 0) = 0x802
own = pidfd_open(pid(main), PIDFD_THREAD)
read(fd, buf, 8) = -1 EINVAL
write(fd, buf, 8) = -1 EINVAL
mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0) = -1 ENODEV
store(buf, pollfd{fd=fd, events=POLLIN})
poll(buf, 1, 0) = 0
process_mrelease(fd, 1) = -1 EINVAL
process_mrelease(fd, 0) = -1 EINVAL
mf = memfd_create("not a pidfd", 0)
process_mrelease(mf, 0) = -1 EBADF
process_mrelease(99, 0) = -1 EBADF
in child: cfd = pidfd_open(pid(main), 0)
in child: close(cfd) = 0
close(fd) = 0
