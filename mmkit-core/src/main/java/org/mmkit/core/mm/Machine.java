package org.mmkit.core.mm;

import org.mmkit.core.KernelConfig;
import org.mmkit.core.mem.PhysicalMemory;

/**
 * The simulated machine: physical memory, configuration, and the one lock that serialises every
 * operation on it.
 *
 * <p>Lock order: {@link #lock} is the only lock. It stands for the kernel's mmap locks, page-table
 * locks, i_mmap and anon_vma locks together; every public operation of the model takes it, so all
 * fields of the model's objects are guarded by it.
 */
public final class Machine implements AutoCloseable {
    final KernelConfig config;
    final PhysicalMemory memory;
    final Object lock = new Object();
    /** Live processes in creation order. */
    final java.util.Set<Task> tasks = new java.util.LinkedHashSet<>();
    /** Asked for frames when RAM is exhausted ({@link #allocatePage}); none yet. */
    DirectReclaim reclaimer = DirectReclaim.NONE;
    private int nextPid = 1;
    private long nextInode = 1;

    public Machine(KernelConfig config) {
        this.config = config;
        this.memory = new PhysicalMemory(config.ramPages());
    }

    public KernelConfig config() {
        return config;
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

    int allocatePid() {
        return nextPid++;
    }

    long allocateInode() {
        return nextInode++;
    }

    @Override
    public void close() {
        memory.close();
    }
}
