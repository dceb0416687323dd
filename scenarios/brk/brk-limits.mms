# The heap counts against RLIMIT_DATA (with the program's data segment, which the model's
# process does not have) and RLIMIT_AS; past either, brk returns the old break. Limits leave
# room for the kernel backend's own image (under 32 MiB).
# Source: mm/mmap.c brk (check_data_rlimit), do_brk_flags (may_expand_vm).
buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
b = brk(0)
fork() => d
in d: store(buf, rlimit{rlim_cur=0, rlim_max=0})
in d: setrlimit(RLIMIT_DATA, buf) = 0
in d: brk(b + PAGE) = b
in d: brk(b) = b
fork() => d2
in d2: store(buf, rlimit{rlim_cur=64*1024*1024, rlim_max=64*1024*1024})
in d2: setrlimit(RLIMIT_DATA, buf) = 0
in d2: brk(b + 1024*1024) = b + 1024*1024
in d2: brk(b + 128*1024*1024) = b + 1024*1024
fork() => as
in as: store(buf, rlimit{rlim_cur=256*1024*1024, rlim_max=256*1024*1024})
in as: setrlimit(RLIMIT_AS, buf) = 0
in as: brk(b + 1024*1024) = b + 1024*1024
in as: brk(b + 512*1024*1024) = b + 1024*1024
# the parent's heap did not move
brk(0) = b
