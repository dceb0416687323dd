# A privileged process (CAP_SYS_NICE) may give another process MADV_COLD, MADV_PAGEOUT and
# MADV_WILLNEED through process_madvise; other advice stays EINVAL. Each range is madvise's:
# an unmapped part of a later range ends the call with the bytes before it, a locked VMA is
# EINVAL for COLD and PAGEOUT, and the memory keeps its contents. Once the process has exited its
# pidfd finds no address space (ESRCH).
# Source: mm/madvise.c process_madvise, process_madvise_remote_valid, madvise_cold_or_pageout_vma;
# kernel/fork.c mm_access.
requires: root
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
iov = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x77)
fork() => child
fd = pidfd_open(pid(child), 0)
store(iov, iovec{iov_base=a, iov_len=PAGE})
store(iov+16, iovec{iov_base=a+2*PAGE, iov_len=PAGE})
process_madvise(fd, iov, 2, MADV_COLD, 0) = 8192
process_madvise(fd, iov, 2, MADV_PAGEOUT, 0) = 8192
process_madvise(fd, iov, 2, MADV_WILLNEED, 0) = 8192
process_madvise(fd, iov, 2, MADV_DONTNEED, 0) = -1 EINVAL
process_madvise(fd, iov, 2, MADV_NORMAL, 0) = -1 EINVAL
in child: munmap(a+2*PAGE, PAGE) = 0
process_madvise(fd, iov, 2, MADV_COLD, 0) = 4096
process_madvise(fd, iov+16, 1, MADV_COLD, 0) = -1 ENOMEM
in child: mlock(a, PAGE) = 0
process_madvise(fd, iov, 1, MADV_COLD, 0) = -1 EINVAL
process_madvise(fd, iov, 1, MADV_PAGEOUT, 0) = -1 EINVAL
in child: load(a, 4) == 0x77*4
in child: load(a+PAGE, 4) == 0x77*4
exit(child)
process_madvise(fd, iov, 1, MADV_COLD, 0) = -1 ESRCH
