package org.mmkit.core;

/**
 * A thread of a {@link SimProcess}: it accesses the process's memory through its own software
 * TLB, as a CPU would. An access the kernel would answer with a signal throws {@link MemoryFault}.
 * Threads of one process may be used from different Java threads; accesses are serialised by the
 * machine.
 */
public interface SimThread {
    /** Reads {@code dst.length} bytes at {@code addr}, faulting pages in as CPU loads would. */
    void load(long addr, byte[] dst);

    /** Writes {@code src} at {@code addr}; a store that faults midway leaves the pages before it written. */
    void store(long addr, byte[] src);

    /** A little-endian 64-bit load, as {@code *(uint64_t *)addr}. */
    long loadLong(long addr);

    /** A little-endian 64-bit store, as {@code *(uint64_t *)addr = value}. */
    void storeLong(long addr, long value);
}
