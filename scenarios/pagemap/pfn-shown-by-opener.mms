# kernel-spec §1.3: whether pagemap shows PFNs is decided by the credentials of the file's opener
# (file_ns_capable on the opener's creds), not the reader's: a privileged process that takes an
# unprivileged process's pagemap descriptor with pidfd_getfd reads it without PFNs, and its own
# open of the same file shows them. The descriptor stays bound to the address space it opened,
# whoever holds it. pidfd_getfd asks PTRACE_MODE_ATTACH of the taker: an unprivileged process
# cannot take a privileged one's descriptor (EPERM), but can take one of its own user's.
# Source: fs/proc/task_mmu.c pagemap_read, do_pagemap_scan; kernel/pid.c pidfd_getfd,
# __pidfd_fget; kernel/ptrace.c __ptrace_may_access.
requires: root
process u unprivileged
process v unprivileged
in u: a = mmap(0x200000000, 2*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0)
in u: store(a, 1, 0x11)
in u: own = open("/proc/self/pagemap", O_RDONLY, 0) = 3
in u: pagemap(own, a, 2) == present|exclusive@0, none
pfd = pidfd_open(pid(u), 0) = 3
got = pidfd_getfd(pfd, 3, 0) = 4
pagemap(got, a, 2) == present|exclusive@0, none
mine = open("/proc/" + pid(u) + "/pagemap", O_RDONLY, 0) = 5
pagemap(mine, a, 2) == present|exclusive@P1, none
fcntl(got, F_GETFD, 0) = FD_CLOEXEC
pidfd_getfd(pfd, 9, 0) = -1 EBADF
pidfd_getfd(pfd, 3, 1) = -1 EINVAL
pidfd_getfd(mine, 3, 0) = -1 EBADF
in u: rpfd = pidfd_open(pid(main), 0) = 4
in u: pidfd_getfd(rpfd, 5, 0) = -1 EPERM
in v: vpfd = pidfd_open(pid(u), 0) = 3
in v: taken = pidfd_getfd(vpfd, 3, 0) = 4
in v: pagemap(taken, a, 2) == present|exclusive@0, none
in v: ioctl(taken, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec_len=2, return_mask=PAGE_IS_PRESENT}) = 2 {walk_end=a+2*PAGE, vec=[{a, a+PAGE, PAGE_IS_PRESENT}, {a+PAGE, a+2*PAGE, 0}]}
exit(u)
in v: ioctl(taken, PAGEMAP_SCAN, {start=a, end=a+2*PAGE, vec_len=2, return_mask=PAGE_IS_PRESENT}) = -1 ESRCH
pidfd_getfd(pfd, 3, 0) = -1 ESRCH
