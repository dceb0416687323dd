package org.mmkit.backend;

/**
 * System calls a scenario can make with plain integer arguments, with their x86-64 numbers. A
 * pointer argument (the buffer of {@code read}, the struct of {@code ioctl}, the path of
 * {@code open}, the name of {@code memfd_create}) is an address in the process's own memory, which the scenario fills and reads with
 * {@code store} and {@code load}. {@code pread} and {@code pwrite} are {@code pread64} and
 * {@code pwrite64}; {@code preadv} and {@code pwritev} take the offset as one argument, their
 * {@code pos_h} being 0.
 */
public enum Syscall {
    MMAP(9, 6), MPROTECT(10, 3), MUNMAP(11, 2), MREMAP(25, 5), MADVISE(28, 3), MLOCK(149, 2),
    MUNLOCK(150, 2), MLOCK2(325, 3), MLOCKALL(151, 1), MUNLOCKALL(152, 0), MSYNC(26, 3), FTRUNCATE(77, 2), FALLOCATE(285, 4), CLOSE(3, 1),
    READ(0, 3), WRITE(1, 3), LSEEK(8, 3), IOCTL(16, 3), FCNTL(72, 3), POLL(7, 3),
    OPEN(2, 3), OPENAT(257, 4), CREAT(85, 2), UNLINK(87, 1), UNLINKAT(263, 3), DUP(32, 1), DUP2(33, 2), DUP3(292, 3),
    FSTAT(5, 2), PREAD(17, 4), PWRITE(18, 4), READV(19, 3), WRITEV(20, 3), PREADV(295, 4), PWRITEV(296, 4),
    PIPE(22, 1), PIPE2(293, 2), MEMFD_CREATE(319, 2),
    // limits, the heap, sealing and VMA names
    GETRLIMIT(97, 2), SETRLIMIT(160, 2), PRLIMIT64(302, 4), BRK(12, 1), MSEAL(462, 3), PRCTL(157, 5),
    REMAP_FILE_PAGES(216, 5), PIDFD_OPEN(434, 2), PIDFD_GETFD(438, 3), PROCESS_MRELEASE(448, 2),
    PROCESS_VM_READV(310, 6), PROCESS_VM_WRITEV(311, 6), PROCESS_MADVISE(440, 5),
    USERFAULTFD(323, 1);

    private final int number;
    private final int arity;

    Syscall(int number, int arity) {
        this.number = number;
        this.arity = arity;
    }

    /** The x86-64 system call number. */
    public int number() {
        return number;
    }

    /** How many arguments it takes. */
    public int arity() {
        return arity;
    }
}
