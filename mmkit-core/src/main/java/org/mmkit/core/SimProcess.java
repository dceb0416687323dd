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

    int memfdCreate(String name, long flags);

    void ftruncate(int fd, long length);

    void fallocate(int fd, int mode, long offset, long len);

    void close(int fd);

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
