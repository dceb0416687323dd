# process_madvise applies madvise to each range of an iovec array in the address space of the
# process a pidfd refers to. Its own process takes any advice; the first range that fails ends
# the call, which then returns the bytes of the ranges before it, or that range's errno. An empty
# iovec after the first is stepped over. Another process takes only MADV_COLD, MADV_PAGEOUT,
# MADV_WILLNEED and MADV_COLLAPSE (EINVAL for the rest) and needs CAP_SYS_NICE (EPERM here).
# Source: mm/madvise.c process_madvise, vector_madvise, madvise_should_skip,
# process_madvise_remote_valid; kernel/pid.c pidfd_get_task.
a = mmap(NULL, 4*PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
iov = mmap(NULL, PAGE, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0)
store(a, 4*PAGE, 0x77)
self = pidfd_open(pid(main), 0)
store(iov, iovec{iov_base=a, iov_len=PAGE})
store(iov+16, iovec{iov_base=a+2*PAGE, iov_len=PAGE})
process_madvise(self, iov, 2, MADV_DONTNEED, 0) = 8192
mincore(a, 4*PAGE) == 0 1 0 1
load(a+PAGE, 4) == 0x77*4
load(a, 4) == 0
# the argument checks: flags, the iovec array, the descriptor
process_madvise(self, iov, 2, MADV_DONTNEED, 1) = -1 EINVAL
process_madvise(self, iov, 1025, MADV_DONTNEED, 0) = -1 EINVAL
process_madvise(self, 0, 1, MADV_DONTNEED, 0) = -1 EFAULT
mf = memfd_create("not a pidfd", 0)
process_madvise(mf, iov, 1, MADV_COLD, 0) = -1 EBADF
process_madvise(99, iov, 1, MADV_COLD, 0) = -1 EBADF
# nothing to advise: 0, even for advice madvise does not know
process_madvise(self, iov, 0, 12345, 0) = 0
process_madvise(self, iov, 1, 12345, 0) = -1 EINVAL
# the second range fails: the first one's bytes; the first fails: its errno
store(iov+16, iovec{iov_base=a+1, iov_len=PAGE})
process_madvise(self, iov, 2, MADV_DONTNEED, 0) = 4096
process_madvise(self, iov+16, 1, MADV_DONTNEED, 0) = -1 EINVAL
munmap(a+3*PAGE, PAGE) = 0
store(iov+16, iovec{iov_base=a+2*PAGE, iov_len=2*PAGE})
process_madvise(self, iov, 2, MADV_DONTNEED, 0) = 4096
process_madvise(self, iov+16, 1, MADV_DONTNEED, 0) = -1 ENOMEM
# an empty iovec: skipped after the first, checked as the first
store(iov+16, iovec{iov_base=a+1, iov_len=0})
store(iov+32, iovec{iov_base=a+PAGE, iov_len=PAGE})
process_madvise(self, iov, 3, MADV_DONTNEED, 0) = 8192
process_madvise(self, iov+16, 2, MADV_DONTNEED, 0) = -1 EINVAL
store(iov+16, iovec{iov_base=a+PAGE, iov_len=0})
process_madvise(self, iov+16, 2, MADV_COLD, 0) = 4096
# another process: only the four advices, and those need CAP_SYS_NICE
fork() => child
child_fd = pidfd_open(pid(child), 0)
process_madvise(child_fd, iov, 1, MADV_DONTNEED, 0) = -1 EINVAL
process_madvise(child_fd, iov, 1, MADV_FREE, 0) = -1 EINVAL
process_madvise(child_fd, iov, 1, MADV_COLD, 0) = -1 EPERM
process_madvise(child_fd, iov, 1, MADV_PAGEOUT, 0) = -1 EPERM
process_madvise(child_fd, iov, 1, MADV_WILLNEED, 0) = -1 EPERM
in child: parent_fd = pidfd_open(pid(main), 0)
in child: process_madvise(parent_fd, iov, 1, MADV_COLD, 0) = -1 EPERM
