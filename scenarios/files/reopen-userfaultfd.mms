# Reopening a userfaultfd through its /proc/self/fd link is ENXIO in any mode: the context is an
# anonymous-inode file, which cannot be opened by path. Found by the fuzzer's generator test once
# userfaultfd descriptors and /proc/self/fd reopening met (seed 13).
# Source: fs/anon_inodes.c (observed on 6.18). Descriptors are numbered from 3 on both backends.
requires: uffd
requires: root
u = userfaultfd(O_CLOEXEC|O_NONBLOCK)
open("/proc/self/fd/3", O_RDONLY, 0) = -1 ENXIO
open("/proc/self/fd/3", O_RDWR, 0) = -1 ENXIO
