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
 * before and after writing to each page of a fresh mapping of {@code ops} pages. One operation is
 * one page; the figure is bytes, not time. The kernel's counterpart is its {@code struct page} and
 * PTE for the same pages.
 */
final class HeapPerPage implements Workload {
    private final Kernel kernel = ModelSetup.kernel(false, ModelSetup.SCALE_RAM_BYTES);
    private final SimProcess process = kernel.newProcess(true);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long start;
    private long bytes;

    @Override
    public void prepare(int ops) {
        bytes = ops * Uapi.PAGE_SIZE;
        start = ModelSetup.mapAnon(process, bytes);
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
    public void finish() {
        process.munmap(start, bytes);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
