package org.mmkit.bench;

import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/**
 * {@code tlb-miss-sequential} and {@code tlb-miss-random}: 8-byte loads, one per resident page of
 * 60k one-page VMAs, in address order or in the C program's fixed xorshift order; no access faults.
 */
final class TlbMissAccess implements Workload {
    private final Kernel kernel = ModelSetup.kernel(false);
    private final SimProcess process = kernel.newProcess(true);
    private final long start;
    private final boolean random;
    /** The xorshift64 state, seeded as in the C program. */
    private long seed = 88172645463325252L;
    /** The next page in address order. */
    private long next;
    /** What the loads add up to, so the JIT cannot drop them. */
    private long sum;

    TlbMissAccess(boolean random) {
        this.start = ModelSetup.manyVmas(process);
        this.random = random;
    }

    @Override
    public void run(int ops) {
        for (int i = 0; i < ops; i++) {
            long page;
            if (random) {
                seed ^= seed << 13;
                seed ^= seed >>> 7;
                seed ^= seed << 17;
                page = Long.remainderUnsigned(seed, ModelSetup.MANY_VMAS);
            } else {
                page = next;
                next = (next + 1) % ModelSetup.MANY_VMAS;
            }
            sum += process.loadLong(start + page * Uapi.PAGE_SIZE);
        }
    }

    @Override
    public void close() {
        kernel.close();
    }
}
