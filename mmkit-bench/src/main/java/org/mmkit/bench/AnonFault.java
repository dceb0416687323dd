package org.mmkit.bench;

import org.mmkit.core.Uapi;

/**
 * {@code anon-write-fault} and {@code anon-read-fault}: one fault per fresh page of a new
 * anonymous mapping, a write (allocation and zero-fill) or a read (the shared zero page, or a
 * private zeroed page where the configuration forbids it).
 */
final class AnonFault extends FreshMapping {
    private final boolean write;

    AnonFault(boolean write, boolean sharedZeroPage) {
        this(write, sharedZeroPage, ModelSetup.RAM_BYTES);
    }

    AnonFault(boolean write, boolean sharedZeroPage, long ramBytes) {
        super(ModelSetup.kernel(sharedZeroPage, ramBytes));
        this.write = write;
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
}
