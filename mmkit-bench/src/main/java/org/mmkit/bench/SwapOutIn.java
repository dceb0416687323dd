package org.mmkit.bench;

import java.util.List;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/**
 * {@code swap-out}: one MADV_PAGEOUT of {@code ops} written anonymous pages, per page;
 * {@code swap-in}: a read of each of {@code ops} pages paged out before the timed part. The model
 * has a swap area of the size the scenario harness lends ({@link #SWAP_PAGES}), as the C program
 * lends the kernel one when the machine has none.
 */
final class SwapOutIn implements Workload {
    /** As {@code SWAP_BYTES} in the C program: 64 MiB, the header page included. */
    static final long SWAP_PAGES = (64L << 20) / Uapi.PAGE_SIZE;
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramBytes(ModelSetup.RAM_BYTES)
            .sharedZeroPage(false).swapAreas(List.of(new KernelConfig.SwapSpace(SWAP_PAGES, -2))).build());
    private final SimProcess process = kernel.newProcess(true);
    private final boolean in;
    private long start;
    private long bytes;

    SwapOutIn(boolean in) {
        this.in = in;
    }

    @Override
    public void prepare(int ops) {
        if (ops >= SWAP_PAGES) {
            throw new IllegalArgumentException("at most " + (SWAP_PAGES - 1) + " pages per sample: " + ops);
        }
        bytes = ops * Uapi.PAGE_SIZE;
        start = ModelSetup.mapAnon(process, bytes);
        ModelSetup.touch(process, start, ops);
        if (in) {
            process.madvise(start, bytes, Uapi.MADV_PAGEOUT);
        }
    }

    @Override
    public void run(int ops) {
        if (in) {
            for (int i = 0; i < ops; i++) {
                process.loadLong(start + i * Uapi.PAGE_SIZE);
            }
        } else {
            process.madvise(start, bytes, Uapi.MADV_PAGEOUT);
        }
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
