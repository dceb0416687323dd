# setrlimit and prlimit64: a resource number of RLIM_NLIMITS or more is EINVAL (the number is an
# unsigned int), so is a soft limit above the hard one; an unreadable struct is EFAULT before
# anything else; an unprivileged process may lower both limits and raise the soft one up to the
# hard one, but raising the hard limit needs CAP_SYS_RESOURCE (EPERM). prlimit64 returns the old
# limits and sets the new ones in one call; an unknown pid is ESRCH.
# Source: kernel/sys.c setrlimit, prlimit64, do_prlimit.
requires: root
process p unprivileged
in p: buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: store(buf, rlimit{rlim_cur=PAGE, rlim_max=4*PAGE})
in p: setrlimit(RLIM_NLIMITS, buf) = -1 EINVAL
in p: setrlimit(0x100000000 + RLIMIT_MEMLOCK, buf) = 0
in p: getrlimit(999, buf) = -1 EINVAL
in p: setrlimit(RLIMIT_MEMLOCK, 0) = -1 EFAULT
in p: setrlimit(RLIMIT_MEMLOCK, buf+PAGE) = -1 EFAULT
in p: getrlimit(RLIMIT_MEMLOCK, buf+PAGE-8) = -1 EFAULT
in p: store(buf, rlimit{rlim_cur=8*PAGE, rlim_max=4*PAGE})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = -1 EINVAL
# the soft limit may go up to the hard one, not the hard one up
in p: store(buf, rlimit{rlim_cur=4*PAGE, rlim_max=4*PAGE})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = 0
in p: store(buf, rlimit{rlim_cur=4*PAGE, rlim_max=8*PAGE})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = -1 EPERM
in p: getrlimit(RLIMIT_MEMLOCK, buf) = 0
in p: load(buf, rlimit) == {rlim_cur=4*PAGE, rlim_max=4*PAGE}
in p: store(buf, rlimit{rlim_cur=RLIM_INFINITY, rlim_max=RLIM_INFINITY})
in p: setrlimit(RLIMIT_AS, buf) = 0
in p: store(buf, rlimit{rlim_cur=1024*1024*1024, rlim_max=2*1024*1024*1024})
in p: prlimit64(0, RLIMIT_AS, buf, buf+16) = 0
in p: load(buf+16, rlimit) == {rlim_cur=RLIM_INFINITY, rlim_max=RLIM_INFINITY}
in p: prlimit64(0, RLIMIT_AS, 0, buf+32) = 0
in p: load(buf+32, rlimit) == {rlim_cur=1024*1024*1024, rlim_max=2*1024*1024*1024}
in p: prlimit64(0x7fffffff, RLIMIT_AS, 0, buf+32) = -1 ESRCH
in p: prlimit64(0, RLIMIT_AS, buf+PAGE, 0) = -1 EFAULT
# (A privileged process may raise its hard limit with CAP_SYS_RESOURCE, which the model's
# privileged processes hold; this machine's root lacks it, so that case is a unit test.)
