# Every process starts with the machine's limits: no RLIMIT_AS or RLIMIT_DATA, and 8 MiB of
# RLIMIT_MEMLOCK (soft and hard), for root and for the unprivileged uid alike. getrlimit and
# prlimit64 with no new limits read them as a struct rlimit.
# Source: kernel/sys.c getrlimit, prlimit64, do_prlimit; include/uapi/linux/resource.h.
requires: root
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
getrlimit(RLIMIT_MEMLOCK, buf) = 0
load(buf, rlimit) == {rlim_cur=8*1024*1024, rlim_max=8*1024*1024}
getrlimit(RLIMIT_AS, buf) = 0
load(buf, rlimit) == {rlim_cur=RLIM_INFINITY, rlim_max=RLIM_INFINITY}
getrlimit(RLIMIT_DATA, buf) = 0
load(buf, rlimit) == {rlim_cur=RLIM_INFINITY, rlim_max=RLIM_INFINITY}
prlimit64(0, RLIMIT_MEMLOCK, 0, buf+16) = 0
load(buf+16, rlimit) == {rlim_cur=8*1024*1024, rlim_max=8*1024*1024}
process p unprivileged
in p: pbuf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: getrlimit(RLIMIT_MEMLOCK, pbuf) = 0
in p: load(pbuf, rlimit) == {rlim_cur=8*1024*1024, rlim_max=8*1024*1024}
in p: prlimit64(0, RLIMIT_AS, 0, pbuf) = 0
in p: load(pbuf, rlimit) == {rlim_cur=RLIM_INFINITY, rlim_max=RLIM_INFINITY}
