package org.mmkit.core;

import java.util.function.Supplier;

/**
 * A thread of a {@link SimProcess}: it accesses the process's memory through its own software
 * TLB, as a CPU would. An access the kernel would answer with a signal throws {@link MemoryFault}.
 * Threads of one process may be used from different Java threads, one thread even from several at
 * once. An access whose translation the TLB holds takes no lock and allocates nothing, and neither
 * does a miss whose page table entry already allows it; every other access and every call of the
 * process is serialised by the machine, except
 * that a thread blocked in a fault ({@link #blocked}) lets the others run. As with a real TLB
 * shootdown, once a call that removes or restricts a mapping (munmap, mprotect, madvise, fork's
 * write protection) has returned, no thread accesses memory through the old translation, and
 * every store that returned before is visible. System calls made {@linkplain #call as a thread}
 * are that thread's: one may sleep until another thread wakes it.
 * Once the process has exited or was killed, or its kernel closed, accesses throw
 * {@link IllegalStateException}.
 */
public interface SimThread {
    /**
     * Reads {@code dst.length} bytes at {@code addr}, faulting pages in as CPU loads would.
     *
     * @param addr the first byte to read
     * @param dst receives the bytes
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS; {@code dst} may be partly filled
     */
    void load(long addr, byte[] dst);

    /**
     * Writes {@code src} at {@code addr}; a store that faults midway leaves the pages before it written.
     *
     * @param addr the first byte to write
     * @param src the bytes to write
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    void store(long addr, byte[] src);

    /**
     * A little-endian 64-bit load, as {@code *(uint64_t *)addr}. An access across two pages translates both first, as x86 does: if either faults, nothing is read.
     *
     * @param addr the address of the first of 8 bytes
     * @return the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    long loadLong(long addr);

    /**
     * A little-endian 64-bit store, as {@code *(uint64_t *)addr = value}. An access across two pages translates both first, as x86 does: if either faults, nothing is written.
     *
     * @param addr the address of the first of 8 bytes
     * @param value the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    void storeLong(long addr, long value);

    /**
     * A little-endian 32-bit load, as {@code *(uint32_t *)addr}. An access across two pages translates both first, as x86 does: if either faults, nothing is read.
     *
     * @param addr the address of the first of 4 bytes
     * @return the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    int loadInt(long addr);

    /**
     * A little-endian 32-bit store, as {@code *(uint32_t *)addr = value}. An access across two pages translates both first, as x86 does: if either faults, nothing is written.
     *
     * @param addr the address of the first of 4 bytes
     * @param value the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    void storeInt(long addr, int value);

    /**
     * A little-endian 16-bit load, as {@code *(uint16_t *)addr}. An access across two pages translates both first, as x86 does: if either faults, nothing is read.
     *
     * @param addr the address of the first of 2 bytes
     * @return the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    short loadShort(long addr);

    /**
     * A little-endian 16-bit store, as {@code *(uint16_t *)addr = value}. An access across two pages translates both first, as x86 does: if either faults, nothing is written.
     *
     * @param addr the address of the first of 2 bytes
     * @param value the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    void storeShort(long addr, short value);

    /**
     * A 8-bit load, as {@code *(uint8_t *)addr}.
     *
     * @param addr the address of the byte
     * @return the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    byte loadByte(long addr);

    /**
     * A 8-bit store, as {@code *(uint8_t *)addr = value}.
     *
     * @param addr the address of the byte
     * @param value the value
     * @throws MemoryFault where the kernel would send SIGSEGV or SIGBUS
     */
    void storeByte(long addr, byte value);

    /**
     * The thread's id ({@code gettid()}): the main thread's is its process's pid, other threads
     * get ids from the same counter as pids. Userfaultfd reports it with
     * {@code UFFD_FEATURE_THREAD_ID}.
     *
     * @return the thread id
     */
    int tid();

    /**
     * Whether this thread is parked in the kernel waiting for another thread, with the machine
     * lock released: in a fault (as userfaultfd makes it wait), or in a system call made as this
     * thread ({@link #call}) that sleeps, such as a read of an empty pipe. It goes on once another
     * thread wakes it; from then on it no longer counts as blocked, unless it has to sleep again.
     * Safe to call from any Java thread.
     *
     * @return true while the thread waits in the kernel
     */
    boolean blocked();

    /**
     * Runs {@code operation} as this thread, the kernel's {@code current}: the system calls of
     * this thread's process that it makes are this thread's, so a call that sleeps (a read of an
     * empty pipe, a copy into memory whose fault waits) makes {@link #blocked} true and is woken
     * when this thread's process exits. Calls of other processes in it are made by their main
     * threads, as are calls made outside any {@code call}. A thread sleeps in one place at a
     * time: two calls as one thread that both sleep at once are a misuse
     * ({@link IllegalStateException}).
     *
     * @param operation calls of this thread's process, e.g. {@code () -> process.read(fd, buf, n)}
     * @param <T> what the operation returns
     * @return what {@code operation} returned
     */
    <T> T call(Supplier<T> operation);

    /**
     * Runs {@code operation} as this thread, as {@link #call(Supplier)} does, on the calling Java
     * thread, with every sleep of it watched: when the thread is about to sleep until another
     * thread wakes it (a read of an empty pipe, a fault that waits), and then about every
     * millisecond until it is woken, {@code whileAsleep} runs. What it throws ends the sleep, as a
     * fatal signal would (the thread leaves the wait queue, the call unwinds), and is thrown from
     * here; so a caller that knows no other thread can wake it need not wait for ever. It runs
     * with the machine serialised: it must neither wait for another thread nor call the model.
     *
     * @param operation calls of this thread's process
     * @param whileAsleep run while the thread sleeps; throws to end the sleep
     * @param <T> what the operation returns
     * @return what {@code operation} returned
     */
    <T> T call(Supplier<T> operation, Runnable whileAsleep);
}
