package org.mmkit.backend;

import java.time.Duration;

/**
 * Something that can run scenario processes: the model, or the real Linux kernel of this machine.
 * Every call works on a process handle returned by {@link #newProcess} or {@link #fork}. System
 * calls return the raw kernel convention: a non-negative result, or {@code -errno} (values in
 * [-4095, -1]). Backends return raw values only; transcripts are formatted by the scenario runner,
 * so both backends are shown the same way.
 */
public interface Backend extends AutoCloseable {

    /** Short name used in transcripts and options: {@code model} or {@code linux}. */
    String name();

    /** {@code null} when this backend can satisfy the requirement, else why it cannot. */
    String unsupported(Requirement requirement);

    /**
     * The absolute path of the private tmpfs directory every process of this backend starts in
     * (its working directory), where relative paths of a scenario lead; without a trailing slash.
     */
    String workingDirectory();

    /** Starts a process with an empty scenario address space; unprivileged means no CAP_SYS_ADMIN. */
    int newProcess(boolean privileged);

    /** Performs one system call of the process; returns its raw result ({@code -errno} on failure). */
    long syscall(int pid, Syscall call, long... args);

    /** {@code mincore}: the vector, or {@code null} with the errno in {@link Result}. */
    Result<byte[]> mincore(int pid, long addr, long len);

    /**
     * The process's id as its system calls name it (the argument of {@code pidfd_open}); it
     * differs between backends, so a transcript never shows it.
     */
    int pid(int handle);

    /** {@code fork()} of the process: the child's handle, or {@code -errno}. */
    int fork(int pid);

    /** The process exits (status 0), ending its threads; its handle and theirs become invalid. */
    void exit(int pid);

    /** A load of {@code len} bytes through the MMU. */
    Access load(int pid, long addr, int len);

    /** A store of {@code data} through the MMU. A store interrupted by a signal may have written a prefix. */
    Access store(int pid, long addr, byte[] data);

    /**
     * Starts a new thread of the process, sharing its address space ({@code clone(CLONE_VM)}),
     * that performs one {@link #load}; returns the thread's handle (1, 2, 3... in each process, in
     * spawn order) once the load has ended or the thread sleeps in the kernel waiting for another
     * thread, without waiting for the load itself.
     */
    int startLoad(int pid, long addr, int len);

    /** {@link #startLoad} for a {@link #store}. */
    int startStore(int pid, long addr, byte[] data);

    /**
     * {@link #startLoad} for one system call, as {@link #syscall} makes it but on the new thread:
     * it returns once the call has ended or the thread sleeps in it (a read of an empty pipe, a
     * copy whose fault waits for userfaultfd), so the next request sees the same state on every
     * backend. Calls whose outcome depends on the clock (a {@code poll} with a finite positive
     * timeout) may be refused with {@link UnsupportedOperationException}.
     */
    int startSyscall(int pid, Syscall call, long... args);

    /**
     * Waits at most {@code timeout} for the operation of a thread from {@link #startLoad},
     * {@link #startStore} or {@link #startSyscall} to end, and returns its outcome: an
     * {@link Access} for a load or store, a {@link SyscallReturn} for a system call. The thread is
     * then gone. Returns {@code null} when it still sleeps in the kernel: the thread goes on and
     * can be awaited again. Threads end with their process: after {@link #exit} their handles are
     * invalid.
     */
    ThreadOutcome awaitThread(int pid, int thread, Duration timeout);

    /**
     * The kernel's id ({@code gettid}) of a thread from {@link #startLoad}, {@link #startStore} or
     * {@link #startSyscall} that has not been awaited to its end, as a userfaultfd message's
     * {@code ptid} names it; it differs between backends, so a transcript never shows it.
     */
    long threadId(int pid, int thread);

    /** {@code pread(open("/proc/self/pagemap"), buf, count, offset)}: the bytes read, or the errno. */
    Result<byte[]> pagemapRead(int pid, long offset, int count);

    /** The whole text of a {@code /proc/self} file of the process. */
    String procText(int pid, ProcFile file);

    /**
     * {@code swapoff(2)} ({@code on} false) or {@code swapon(2)} of the swap area this backend
     * lent the scenario for its {@code swap} requirement; returns 0 or {@code -errno} (EINVAL for
     * an area already off, EBUSY for one already on, ENOMEM when memory cannot hold its pages).
     *
     * @throws UnsupportedOperationException when this backend lent no area: swap the machine had
     *         of its own is never switched off
     */
    default long switchLentSwap(boolean on) {
        throw new UnsupportedOperationException(name() + " cannot switch swap areas");
    }

    /**
     * Reclaim of everything reclaimable that the scenario's processes have in memory, as memory
     * pressure would take it: anonymous and shmem pages go to the swap area (every PTE of every
     * process mapping a page), clean lazily freed (MADV_FREE) pages are dropped, mlocked pages
     * stay. It needs the {@code memcg} requirement: the kernel backend's processes then start in
     * a memory cgroup of their own, and reclaim is what {@code memory.force_empty} of that group
     * does.
     *
     * @throws UnsupportedOperationException when this backend cannot reclaim (no {@code memcg})
     */
    default void reclaim() {
        throw new UnsupportedOperationException(name() + " cannot reclaim on request");
    }

    @Override
    void close();
}
