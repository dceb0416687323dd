package org.mmkit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * {@code heap-per-resident-page}: the Java heap the model holds per resident page — page metadata,
 * page tables, everything a write fault leaves behind — in a machine of
 * {@link ModelSetup#SCALE_RAM_BYTES} simulated RAM: the heap in use after a full collection,
 * before and after writing to each page of a fresh mapping of {@code ops} pages. One operation is
 * one page; the figure is bytes, not time. The kernel's counterpart is its {@code struct page} and
 * PTE for the same pages.
 */
final class HeapPerPage extends FreshMapping {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    HeapPerPage() {
        super(ModelSetup.kernel(false, ModelSetup.SCALE_RAM_BYTES));
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
}
