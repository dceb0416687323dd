package org.mmkit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/**
 * {@code heap-per-resident-page}: the Java heap the model holds per resident page — page metadata,
 * page tables, everything a write fault leaves behind — in a machine of
 * {@link ModelSetup#SCALE_RAM_BYTES} simulated RAM: the heap in use after a full collection,
 * before and after writing to each page of a fresh mapping of {@code ops} pages. Each sample
 * builds a new machine (outside the figure), so that its frames' metadata is new too: a machine
 * reuses freed frames, and their metadata, first. One operation is one page; the figure is bytes,
 * not time. The kernel's counterpart is its {@code struct page} and PTE for the same pages.
 */
final class HeapPerPage implements Workload {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private Kernel kernel;
    private SimProcess process;
    /** The mapping of the current sample. */
    private long start;

    @Override
    public void prepare(int ops) {
        close();
        kernel = ModelSetup.kernel(false, ModelSetup.SCALE_RAM_BYTES);
        process = kernel.newProcess(true);
        start = ModelSetup.mapAnon(process, ops * Uapi.PAGE_SIZE);
    }

    @Override
    public void run(int ops) {
        ModelSetup.touch(process, start, ops);
    }

    /** The heap bytes the {@code ops} resident pages hold. */
    @Override
    public long measure(int ops) {
        long before = heapAfterCollection();
        run(ops);
        return heapAfterCollection() - before;
    }

    private long heapAfterCollection() {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        if (kernel != null) {
            kernel.close();
            kernel = null;
        }
    }
}
