package org.mmkit.bench;

import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/**
 * {@code anon-write-fault} and {@code anon-read-fault}: one fault per fresh page of a new
 * anonymous mapping, a write (allocation and zero-fill) or a read (the shared zero page, or a
 * private zeroed page where the configuration forbids it).
 */
final class AnonFault implements Workload {
    private final Kernel kernel;
    private final SimProcess process;
    private final boolean write;
    /** The fresh mapping of the current sample, 0 between samples. */
    private long start;
    private long bytes;

    AnonFault(boolean write, boolean sharedZeroPage) {
        this(write, sharedZeroPage, ModelSetup.RAM_BYTES);
    }

    AnonFault(boolean write, boolean sharedZeroPage, long ramBytes) {
        this.kernel = ModelSetup.kernel(sharedZeroPage, ramBytes);
        this.process = kernel.newProcess(true);
        this.write = write;
    }

    @Override
    public void prepare(int ops) {
        bytes = ops * Uapi.PAGE_SIZE;
        start = ModelSetup.mapAnon(process, bytes);
    }

    @Override
    public void run(int ops) {
        if (write) {
            ModelSetup.touch(process, start, ops);
        } else {
            for (long i = 0; i < ops; i++) {
                process.loadLong(start + i * Uapi.PAGE_SIZE);
            }
        }
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
