# fork copies the resource limits: the child starts with the parent's, and what either sets
# later is its own.
# Source: kernel/fork.c copy_signal (memcpy of signal->rlim).
requires: root
process p unprivileged
in p: buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: store(buf, rlimit{rlim_cur=2*PAGE, rlim_max=4*PAGE})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = 0
in p: fork() => child
in child: getrlimit(RLIMIT_MEMLOCK, buf+16) = 0
in child: load(buf+16, rlimit) == {rlim_cur=2*PAGE, rlim_max=4*PAGE}
in child: mlock(buf, 3*PAGE) = -1 ENOMEM
in child: store(buf, rlimit{rlim_cur=0, rlim_max=0})
in child: setrlimit(RLIMIT_MEMLOCK, buf) = 0
in child: mlock(buf, PAGE) = -1 EPERM
in p: mlock(buf, PAGE) = 0
in p: getrlimit(RLIMIT_MEMLOCK, buf+16) = 0
in p: load(buf+16, rlimit) == {rlim_cur=2*PAGE, rlim_max=4*PAGE}
