package org.mmkit.core.mm;

import java.util.Arrays;

/**
 * A direct-mapped software TLB of one thread: virtual page → page frame, with whether stores may
 * use the entry. It only caches translations the hardware could use without touching the PTE
 * (accessed set; dirty set for writable entries), and is flushed whenever the address space's
 * {@link Mm#tlbGeneration} moves, i.e. whenever a present PTE changed. Guarded by the machine lock.
 */
final class SoftTlb {
    private static final int SIZE = 256;
    private static final long INVALID = -1;

    private final long[] tags = new long[SIZE];
    private final int[] frames = new int[SIZE];
    private final boolean[] writable = new boolean[SIZE];
    private long generation = INVALID;

    /** The cached frame of page {@code vpn} for this kind of access, or -1 on a miss. */
    int lookup(Mm mm, long vpn, boolean write) {
        if (generation != mm.tlbGeneration) {
            Arrays.fill(tags, INVALID);
            generation = mm.tlbGeneration;
            return -1;
        }
        int slot = (int) vpn & (SIZE - 1);
        return tags[slot] == vpn && (!write || writable[slot]) ? frames[slot] : -1;
    }

    void fill(long vpn, int pfn, boolean canWrite) {
        int slot = (int) vpn & (SIZE - 1);
        tags[slot] = vpn;
        frames[slot] = pfn;
        writable[slot] = canWrite;
    }
}
