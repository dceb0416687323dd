package org.mmkit.bench;

import java.util.Map;
import java.util.TreeMap;
import org.mmkit.core.Uapi;
import org.mmkit.core.vma.VmaTree;

/**
 * {@code vma-lookup} and {@code treemap-floor}: finding the VMA that holds a random address among
 * 60k one-page VMAs with gaps between them, in the model's VMA tree ({@code vma_lookup}, as the
 * fault path asks it) or, as the
 * reference the kernel cannot give, a {@link TreeMap} keyed by start with {@code floorEntry} and an
 * end check. Both draw the same addresses; a third of them fall in gaps.
 */
final class VmaLookup implements Workload {
    /** One VMA every 3 pages: a page mapped, two unmapped, so no two VMAs touch. */
    private static final long STRIDE = 3 * Uapi.PAGE_SIZE;
    private static final long BASE = 1L << 32;
    private final VmaTree<Integer> tree = new VmaTree<>();
    private final TreeMap<Long, Long> ends = new TreeMap<>();
    private final boolean treeMap;
    private long seed = 88172645463325252L;
    /** How many lookups found a VMA, so the JIT cannot drop them. */
    private long found;

    VmaLookup(boolean treeMap) {
        this.treeMap = treeMap;
        for (int i = 0; i < ModelSetup.MANY_VMAS; i++) {
            long start = BASE + i * STRIDE;
            if (treeMap) {
                ends.put(start, start + Uapi.PAGE_SIZE);
            } else {
                tree.insert(start, start + Uapi.PAGE_SIZE, i);
            }
        }
    }

    @Override
    public void run(int ops) {
        for (int i = 0; i < ops; i++) {
            seed ^= seed << 13;
            seed ^= seed >>> 7;
            seed ^= seed << 17;
            long addr = BASE + Long.remainderUnsigned(seed, ModelSetup.MANY_VMAS * STRIDE);
            if (treeMap) {
                Map.Entry<Long, Long> entry = ends.floorEntry(addr);
                if (entry != null && addr < entry.getValue()) {
                    found++;
                }
            } else if (tree.valueAt(addr) != null) {
                found++;
            }
        }
    }

    @Override
    public void close() {
    }
}
