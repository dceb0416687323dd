package org.mmkit.core;

/**
 * A simulated process: an address space ({@code mm_struct}), a file-descriptor table and threads.
 * System calls behave as on Linux: on failure they throw {@link ErrnoException} carrying the errno
 * Linux would return, leaving the model as Linux would leave it. Memory accesses go through the
 * process's main thread; an access the kernel would answer with a signal throws {@link MemoryFault}.
 * Instances come from {@link Kernel#newProcess}; every method is thread-safe.
 *
 * <p>Lifecycle: after {@link #exit}, after the OOM killer ended the process (an access threw
 * {@link MemoryFault} with {@link Signal#SIGKILL}), and after {@link Kernel#close}, every method
 * except {@link #pid} and {@link #privileged} throws {@link IllegalStateException} saying which
 * of these happened.
 */
public interface SimProcess {
    int pid();

    /**
     * Whether this process is privileged: it holds CAP_SYS_ADMIN (sees PFNs in pagemap) and
     * CAP_IPC_LOCK (mlock is not limited by RLIMIT_MEMLOCK, 8 MiB for every process).
     */
    boolean privileged();

    long mmap(long addr, long len, long prot, long flags, int fd, long offset);

    void munmap(long addr, long len);

    void mprotect(long addr, long len, long prot);

    long mremap(long oldAddr, long oldLen, long newLen, long flags, long newAddr);

    void madvise(long addr, long len, int advice);

    void mlock(long addr, long len);

    void mlock2(long addr, long len, long flags);

    void munlock(long addr, long len);

    /**
     * {@code mincore}: one byte per page of the range, bit 0 set when the page is resident.
     *
     * @throws IllegalArgumentException for a range of more than {@code Integer.MAX_VALUE - 8}
     *         pages (8 TiB), whose vector no byte[] holds; {@link #mincore(long, long, long)}
     *         takes any range, as the system call does
     */
    byte[] mincore(long addr, long len);

    /**
     * The {@code mincore} system call: writes the vector, one byte per page, to this process's
     * memory at {@code vec}, chunk by chunk as Linux does (EFAULT if it cannot be written).
     */
    void mincore(long addr, long len, long vec);

    /**
     * {@code memfd_create}: a new shmem file open read-write at the lowest free descriptor (3 and
     * up: 0-2 are taken by the standard streams), close-on-exec with {@code MFD_CLOEXEC}. The name
     * is read as a C string: it ends at the first NUL character, and at most 249 bytes of its
     * UTF-8 encoding may come before that (else EINVAL); {@code null} is a NULL pointer (EFAULT).
     * @return the descriptor
     */
    int memfdCreate(String name, long flags);

    void ftruncate(int fd, long length);

    void fallocate(int fd, int mode, long offset, long len);

    void close(int fd);

    /**
     * {@code read(fd, addr, len)}: reads from the file at its position into this process's
     * memory at {@code addr}, as the kernel's {@code copy_to_user} writes it: faulting pages in
     * (COW included), never raising a signal. A shmem file stops at its size and reads holes as
     * zeros. The position advances by the bytes read.
     * @return the bytes read: fewer than {@code len} at EOF or when the buffer faults part way, 0
     *     at or past EOF
     * @throws ErrnoException EBADF (not open), EFAULT (the buffer ends above the task size or
     *     took no byte), EINVAL (the position would overflow, or the file cannot be read)
     */
    long read(int fd, long addr, long len);

    /**
     * {@code write(fd, addr, len)}: writes this process's memory at {@code addr} to the file at
     * its position, read as {@code copy_from_user} reads it. A shmem file allocates and dirties
     * its pages and grows past its end; every mapping of the file sees the bytes.
     * @return the bytes written: fewer than {@code len} when the buffer faults part way
     * @throws ErrnoException EBADF, EFAULT (as for {@link #read}), ENOMEM (no page for the file)
     */
    long write(int fd, long addr, long len);

    /**
     * {@code lseek(fd, offset, whence)} with {@code SEEK_SET}, {@code SEEK_CUR}, {@code SEEK_END}
     * (the position may lie past the end of the file), {@code SEEK_DATA} or {@code SEEK_HOLE} (the
     * next page with data, or the next hole; the end of the file is a hole).
     * @return the new position
     * @throws ErrnoException EBADF; EINVAL for a negative result or an unknown whence; ENXIO for
     *     SEEK_DATA/SEEK_HOLE at or past EOF, or SEEK_DATA with no data after the offset
     */
    long lseek(int fd, long offset, int whence);

    /**
     * {@code ioctl(fd, cmd, arg)}: the generic commands of {@code fs/ioctl.c} — {@code FIOCLEX} and
     * {@code FIONCLEX} (close-on-exec), {@code FIONBIO} and {@code FIOASYNC} (read an {@code int}
     * at {@code arg}; FIOASYNC needs a file that can signal, ENOTTY otherwise), {@code FIOQSIZE}
     * (writes the file's allocated bytes as a {@code loff_t} at {@code arg}), {@code FIONREAD}
     * (writes size minus position as an {@code int}); then the file type's own commands. Structs
     * are read and written in this process's memory.
     * @return 0, or the command's result
     * @throws ErrnoException EBADF, EFAULT (the argument cannot be read or written), ENOTTY (no
     *     such command for this file)
     */
    long ioctl(int fd, int cmd, long arg);

    /**
     * {@code fcntl(fd, cmd, arg)} for {@code F_GETFD}, {@code F_SETFD} ({@code FD_CLOEXEC}) and
     * {@code F_GETFL} (access mode and status flags, e.g. {@code O_RDWR|O_LARGEFILE} for a memfd).
     * @throws ErrnoException EBADF; EINVAL for other commands, which are not modelled
     */
    long fcntl(int fd, int cmd, long arg);

    /**
     * {@code poll(fds, nfds, timeout)}: reads {@code nfds} {@code struct pollfd} at {@code fds}
     * in this process's memory and writes back each {@code revents}: the requested events the file
     * has ready (a shmem file is always ready to read and write), plus POLLERR/POLLHUP, POLLNVAL
     * for a descriptor that is not open, 0 for a negative one. Nothing in the model becomes ready
     * later, so it never waits: with nothing ready it returns 0 at once, whatever the timeout.
     * @return how many entries have events
     * @throws ErrnoException EINVAL (more than 1024 entries), EFAULT (the array cannot be read or written)
     */
    long poll(long fds, long nfds, int timeoutMs);

    /** {@code fork()}: a child with a copy-on-write copy of this address space. */
    SimProcess fork();

    /** {@code exit()}: frees the address space and closes every descriptor. */
    void exit();

    /** The main thread, which {@code load}/{@code store} of this interface use. */
    SimThread mainThread();

    /** A new thread sharing this address space ({@code clone(CLONE_VM)}), with its own TLB. */
    SimThread newThread();

    /** {@link SimThread#load} on the main thread. */
    default void load(long addr, byte[] dst) {
        mainThread().load(addr, dst);
    }

    /** {@link SimThread#store} on the main thread. */
    default void store(long addr, byte[] src) {
        mainThread().store(addr, src);
    }

    /** {@link SimThread#loadLong} on the main thread. */
    default long loadLong(long addr) {
        return mainThread().loadLong(addr);
    }

    /** {@link SimThread#storeLong} on the main thread. */
    default void storeLong(long addr, long value) {
        mainThread().storeLong(addr, value);
    }

    /** The text of {@code /proc/PID/maps}. */
    String maps();

    /** The text of {@code /proc/PID/smaps}. */
    String smaps();

    /**
     * {@code pread} on this process's {@code /proc/PID/pagemap}, opened by this process.
     * @return bytes read (0 at EOF)
     */
    int pagemapRead(long offset, byte[] buf);
}
