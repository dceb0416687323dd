# Locking one page at a time counts every locked page against RLIMIT_MEMLOCK: with a limit of
# 8 pages the ninth mlock is ENOMEM, relocking a locked page costs nothing, and munlock gives
# room back. Locked pages are faulted in and counted in smaps' Locked.
# Source: mm/mlock.c do_mlock (locked_vm plus the range, less what of it is locked already);
# selftests mlock-random-test.c (test_mlock_within_limit, test_mlock_outof_limit).
requires: root
process p unprivileged
in p: buf = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: a = mmap(NULL, 16*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
in p: store(buf, rlimit{rlim_cur=8*PAGE, rlim_max=8*PAGE})
in p: setrlimit(RLIMIT_MEMLOCK, buf) = 0
repeat 8 as i:
    in p: mlock(a+2*i*PAGE, PAGE) = 0
in p: mlock(a+PAGE, PAGE) = -1 ENOMEM
in p: mlock(a, 3*PAGE) = -1 ENOMEM
in p: mlock(a+14*PAGE, PAGE) = 0
in p: vmas(a, 16*PAGE) == 16
in p: smaps(a+14*PAGE).Locked == 4 kB
in p: pagemap(a, 4) == present|exclusive, none, present|exclusive, none
in p: munlock(a+14*PAGE, PAGE) = 0
in p: mlock(a+15*PAGE, PAGE) = 0
in p: vmas(a, 16*PAGE) == 15
