package org.mmkit.bench;

import java.util.ArrayList;
import java.util.List;
import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/**
 * {@code fork-64m}: forks of a process with 64 MiB resident, the child ending outside the timed
 * part; {@code cow-write}: the first write to each page of those 64 MiB while a forked child still
 * shares them (one copy-on-write fault per page).
 */
final class ForkCow implements Workload {
    private static final long PAGES = ModelSetup.FORK_BYTES / Uapi.PAGE_SIZE;
    private final Kernel kernel = ModelSetup.kernel(false);
    private final SimProcess process = kernel.newProcess(true);
    private final long start = ModelSetup.mapAnon(process, ModelSetup.FORK_BYTES);
    private final boolean cow;
    /** The forked children of the current sample, ended by {@link #finish}. */
    private final List<SimProcess> children = new ArrayList<>();

    ForkCow(boolean cow) {
        this.cow = cow;
        ModelSetup.touch(process, start, PAGES);
    }

    @Override
    public void prepare(int ops) {
        if (cow) {
            if (ops > PAGES) {
                throw new IllegalArgumentException("at most " + PAGES + " copy-on-write writes per sample: " + ops);
            }
            children.add(process.fork());
        }
    }

    @Override
    public void run(int ops) {
        for (int i = 0; i < ops; i++) {
            if (cow) {
                process.storeLong(start + i * Uapi.PAGE_SIZE, 2);
            } else {
                children.add(process.fork());
            }
        }
    }

    @Override
    public void finish() {
        children.forEach(SimProcess::exit);
        children.clear();
    }

    @Override
    public void close() {
        kernel.close();
    }
}
