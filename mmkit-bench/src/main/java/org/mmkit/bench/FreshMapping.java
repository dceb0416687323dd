package org.mmkit.bench;

import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/**
 * A workload whose every sample works on a fresh private anonymous mapping of one page per
 * operation, made before the timed part and unmapped after it, in one privileged process of its
 * own model kernel.
 */
abstract class FreshMapping implements Workload {
    final Kernel kernel;
    final SimProcess process;
    /** The mapping of the current sample, 0 between samples. */
    long start;
    private long bytes;

    FreshMapping(Kernel kernel) {
        this.kernel = kernel;
        this.process = kernel.newProcess(true);
    }

    @Override
    public void prepare(int ops) {
        bytes = ops * Uapi.PAGE_SIZE;
        start = ModelSetup.mapAnon(process, bytes);
    }

    @Override
    public void finish() {
        process.munmap(start, bytes);
        start = 0;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
