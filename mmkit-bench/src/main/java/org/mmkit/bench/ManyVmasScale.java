package org.mmkit.bench;

import org.mmkit.core.Uapi;

/**
 * {@code vmas-10k}, {@code vmas-100k}, {@code vmas-1m}: a mapping of {@code ops} pages cut into
 * {@code ops} one-page VMAs by an {@code mprotect} of every other page, with {@code vm.max_map_count}
 * raised to {@link ModelSetup#SCALE_MAX_MAP_COUNT}. One operation is one VMA; the rows side by side
 * show how the time per VMA grows with their number. The mapping is made and unmapped outside the time.
 */
final class ManyVmasScale extends FreshMapping {
    ManyVmasScale() {
        super(ModelSetup.manyVmasKernel());
    }

    @Override
    public void run(int ops) {
        for (long i = 1; i < ops; i += 2) {
            process.mprotect(start + i * Uapi.PAGE_SIZE, Uapi.PAGE_SIZE, Uapi.PROT_READ);
        }
    }
}
