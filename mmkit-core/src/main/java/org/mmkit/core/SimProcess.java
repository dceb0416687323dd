package org.mmkit.core;

/**
 * A simulated process: an address space ({@code mm_struct}), a file-descriptor table and threads.
 * System calls behave as on Linux: on failure they throw {@link ErrnoException} carrying the errno
 * Linux would return, leaving the model as Linux would leave it. Memory accesses go through the
 * process's main thread; an access the kernel would answer with a signal throws {@link MemoryFault}.
 */
public final class SimProcess {
    SimProcess() {
        throw new UnsupportedOperationException("work in progress");
    }

    public int pid() { throw new UnsupportedOperationException(); }

    /** Whether this process holds CAP_SYS_ADMIN (sees PFNs in pagemap). */
    public boolean privileged() { throw new UnsupportedOperationException(); }

    public long mmap(long addr, long len, long prot, long flags, int fd, long offset) { throw new UnsupportedOperationException(); }

    public void munmap(long addr, long len) { throw new UnsupportedOperationException(); }

    public void mprotect(long addr, long len, long prot) { throw new UnsupportedOperationException(); }

    public long mremap(long oldAddr, long oldLen, long newLen, long flags, long newAddr) { throw new UnsupportedOperationException(); }

    public void madvise(long addr, long len, int advice) { throw new UnsupportedOperationException(); }

    public void mlock(long addr, long len) { throw new UnsupportedOperationException(); }

    public void mlock2(long addr, long len, long flags) { throw new UnsupportedOperationException(); }

    public void munlock(long addr, long len) { throw new UnsupportedOperationException(); }

    /** {@code mincore}: one byte per page of the range, bit 0 set when the page is resident. */
    public byte[] mincore(long addr, long len) { throw new UnsupportedOperationException(); }

    public int memfdCreate(String name, long flags) { throw new UnsupportedOperationException(); }

    public void ftruncate(int fd, long length) { throw new UnsupportedOperationException(); }

    public void fallocate(int fd, int mode, long offset, long len) { throw new UnsupportedOperationException(); }

    public void close(int fd) { throw new UnsupportedOperationException(); }

    /** {@code fork()}: a child with a copy-on-write copy of this address space. */
    public SimProcess fork() { throw new UnsupportedOperationException(); }

    /** {@code exit()}: frees the address space and closes every descriptor. */
    public void exit() { throw new UnsupportedOperationException(); }

    /** Reads {@code dst.length} bytes at {@code addr}, faulting pages in as a CPU load would. */
    public void load(long addr, byte[] dst) { throw new UnsupportedOperationException(); }

    /** Writes {@code src} at {@code addr}, faulting pages in as a CPU store would. */
    public void store(long addr, byte[] src) { throw new UnsupportedOperationException(); }

    /** The text of {@code /proc/PID/maps}. */
    public String maps() { throw new UnsupportedOperationException(); }

    /** The text of {@code /proc/PID/smaps}. */
    public String smaps() { throw new UnsupportedOperationException(); }

    /**
     * {@code pread} on this process's {@code /proc/PID/pagemap}, opened by this process.
     * @return bytes read (0 at EOF)
     */
    public int pagemapRead(long offset, byte[] buf) { throw new UnsupportedOperationException(); }
}
