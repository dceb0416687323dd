package org.mmkit.core.mm;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;
import org.mmkit.core.SwapStats;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * The simulated machine: physical memory, configuration, and the one lock that serialises every
 * operation on it.
 *
 * <h2>Locking</h2>
 * <pre>
 *  Machine.lock                 (fair ReentrantLock: mmap locks, page-table locks, i_mmap and
 *  |                             anon_vma locks of the kernel in one)
 *  +-- WaitQueue.Entry.wakeUp   (one Condition per sleeper in a fault or a system call, on
 *  |                             Machine.lock; guards Entry.queued)
 *  +-- SoftTlb.storeGate        (a shootdown under Machine.lock waits for a store hit in flight)
 * </pre>
 * Every public operation takes {@link #lock} ({@code Task.call}), except a memory access that hits
 * its thread's TLB ({@link CpuThread}, {@link TlbShootdown}); all fields of the model's
 * objects are guarded by it unless they say otherwise. Methods named {@code ...Locked} require it
 * held ({@link #assertLocked}). The lock is released inside an operation at one place only: a
 * thread that waits for another thread sleeps on its {@link WaitQueue.Entry}
 * ({@link WaitQueue.Entry#sleepLocked}), either a fault that returned {@link VmFault#BLOCKED}, in
 * {@link Fault#resolve}, where the kernel drops the mmap lock before waiting for userfaultfd or a
 * racing swap-in, or a system call in {@link WaitQueue#waitEventLocked}
 * ({@code wait_event_interruptible}); it retakes the lock before it goes on, so whatever it knew
 * about VMAs, PTEs and files must be looked up again. Sleepers are woken in the order they joined
 * their queue, and the fair lock hands itself to them in that order.
 */
public final class Machine implements AutoCloseable {
    final KernelConfig config;
    final PhysicalMemory memory;
    final ReentrantLock lock = new ReentrantLock(true);
    /** Live processes in creation order. */
    final Set<Task> tasks = new LinkedHashSet<>();
    /** The working directory of every process: the machine's one tmpfs directory. Guarded by {@link #lock}. */
    final TmpfsDirectory workingDirectory = new TmpfsDirectory(SimProcess.WORKING_DIRECTORY);
    /** Swap areas and the swap cache. */
    final Swap swap;
    /** Asked for frames when RAM is exhausted ({@link #allocatePage}): LRU reclaim, {@link Vmscan#DIRECT}. */
    DirectReclaim reclaimer = Vmscan.DIRECT;
    /**
     * The thread whose {@link org.mmkit.core.SimThread#call} runs on each Java thread, if any
     * ({@link Task#currentThread}); confined to that Java thread.
     */
    final ThreadLocal<CpuThread> current = new ThreadLocal<>();
    /**
     * Where {@code poll} sleeps until a file it asks may have become ready: woken by every change
     * of a pipe and by every exit (a pidfd), where the kernel has one queue per file
     * ({@code poll_wait}); a woken poll asks all its files again.
     */
    final WaitQueue pollWait = new WaitQueue(this);
    private int nextPid = 1;
    private long nextInode = 1;
    /** Set by {@link #close}; no operation runs afterwards. */
    private boolean closed;

    public Machine(KernelConfig config) {
        this.config = config;
        this.memory = new PhysicalMemory(config.ramPages());
        this.swap = new Swap(memory);
        config.swapAreas().forEach(area -> swap.swapon(area.pages(), area.priority()));
    }

    public KernelConfig config() {
        return config;
    }

    /** Precondition check of every {@code ...Locked} method. */
    void assertLocked() {
        assert lock.isHeldByCurrentThread() : "the machine lock is not held";
    }

    /** Throws if the machine was closed. Preconditions: the lock is held. */
    void checkOpenLocked() {
        assertLocked();
        if (closed) {
            throw new IllegalStateException("kernel is closed");
        }
    }

    /**
     * The page allocator ({@code alloc_pages}): a zeroed frame with refcount 1 and no owner, or -1
     * when RAM is exhausted. When no frame is free and {@code gfp} allows direct reclaim, the
     * {@link #reclaimer} is asked for one first and the allocation retried if it freed any. Every
     * page allocation of the model comes here.
     */
    int allocatePage(int gfp) {
        int pfn = memory.allocate();
        if (pfn < 0 && Gfp.mayReclaim(gfp) && reclaimer.reclaim(this, 1, gfp) > 0) {
            pfn = memory.allocate();
        }
        return pfn;
    }

    /**
     * What {@code __vm_enough_memory} allows one accountable mapping under OVERCOMMIT_GUESS:
     * {@code totalram_pages() + total_swap_pages} (every area's slots but its header).
     */
    long overcommitLimitPages() {
        long pages = config.ramPages();
        for (SwapArea area : swap.areas()) {
            pages += area.slots - 1;
        }
        return pages;
    }

    /**
     * {@code swapon}: switches on a new swap area.
     *
     * @param area its size and priority
     * @return its swap type
     * @throws IllegalStateException when the kernel is closed or 28 areas are active
     */
    public int swapon(KernelConfig.SwapSpace area) {
        lock.lock();
        try {
            checkOpenLocked();
            return swap.swapon(area.pages(), area.priority());
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code si_swapinfo} and the PSWPIN/PSWPOUT vm events.
     *
     * @return the machine's swap counters
     * @throws IllegalStateException when the kernel is closed
     */
    public SwapStats swapStats() {
        lock.lock();
        try {
            checkOpenLocked();
            return swap.stats();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code swapoff}: switches the area of swap type {@code type} off once every page out there
     * is back in memory ({@link Swapoff}).
     *
     * @param type the area's swap type
     * @throws org.mmkit.core.ErrnoException EINVAL for no such area, ENOMEM when RAM cannot hold its pages
     * @throws IllegalStateException when the kernel is closed
     */
    public void swapoff(int type) {
        lock.lock();
        try {
            checkOpenLocked();
            Swapoff.swapoff(this, type);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reclaim at the caller's request ({@link Vmscan#reclaim}): up to about {@code pages} pages
     * leave RAM through the LRU lists and the rmap.
     *
     * @param pages how many to free at least, if that many can be
     * @return the pages freed
     * @throws IllegalStateException when the kernel is closed
     */
    public long reclaim(long pages) {
        lock.lock();
        try {
            checkOpenLocked();
            return Vmscan.reclaim(this, pages);
        } finally {
            lock.unlock();
        }
    }

    int allocatePid() {
        return nextPid++;
    }

    long allocateInode() {
        return nextInode++;
    }

    /**
     * Frees the simulated RAM once and wakes every thread blocked in a fault; later calls do
     * nothing, later operations (and the woken faults) throw.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                tasks.forEach(task -> task.mm.tlbs.closeLocked()); // later accesses miss and find the kernel closed
                memory.close();
                tasks.forEach(Task::interruptSleepersLocked);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code find_task_by_vpid}: the live process with this pid, or null. Preconditions: the lock is held. */
    Task findTask(int pid) {
        for (Task task : tasks) {
            if (task.pid == pid) {
                return task;
            }
        }
        return null;
    }
}
