package org.mmkit.core;

/**
 * A simulated process: an address space ({@code mm_struct}), a file-descriptor table and threads.
 * System calls behave as on Linux: on failure they throw {@link ErrnoException} carrying the errno
 * Linux would return, leaving the model as Linux would leave it. Memory accesses go through the
 * process's main thread; an access the kernel would answer with a signal throws {@link MemoryFault}.
 * Instances come from {@link Kernel#newProcess}; every method is thread-safe.
 */
public interface SimProcess {
    int pid();

    /** Whether this process holds CAP_SYS_ADMIN (sees PFNs in pagemap). */
    boolean privileged();

    long mmap(long addr, long len, long prot, long flags, int fd, long offset);

    void munmap(long addr, long len);

    void mprotect(long addr, long len, long prot);

    long mremap(long oldAddr, long oldLen, long newLen, long flags, long newAddr);

    void madvise(long addr, long len, int advice);

    void mlock(long addr, long len);

    void mlock2(long addr, long len, long flags);

    void munlock(long addr, long len);

    /** {@code mincore}: one byte per page of the range, bit 0 set when the page is resident. */
    byte[] mincore(long addr, long len);

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
