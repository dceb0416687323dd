package org.mmkit.bench;

import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/** {@code load-store-tlb-hit}: alternating 8-byte loads and stores to one resident page. */
final class TlbHitAccess implements Workload {
    private final Kernel kernel = ModelSetup.kernel(false);
    private final SimProcess process = kernel.newProcess(true);
    private final long page = ModelSetup.mapAnon(process, Uapi.PAGE_SIZE);

    TlbHitAccess() {
        process.storeLong(page, 0);
    }

    @Override
    public void run(int ops) {
        for (int i = 0; i < ops; i += 2) {
            process.storeLong(page, process.loadLong(page) + 1);
        }
    }

    @Override
    public void close() {
        kernel.close();
    }
}
