package org.mmkit.core.mm;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLBs that may cache translations of one address space ({@code mm_cpumask}) and their
 * shootdown ({@code flush_tlb_mm_range} with its IPIs): when {@link #flushLocked} returns, no CPU
 * of the address space reads or writes through a translation cached before it was called. The
 * kernel gets this from the IPI, which each CPU handles between instructions; here each TLB is
 * flushed under its sequence lock, which makes every later and overlapping load hit fail, and the
 * shootdown then waits for store hits in flight (see {@link SoftTlb}). Guarded by the machine
 * lock.
 */
final class TlbShootdown {
    /** The TLB of every thread of the address space; threads are never removed. */
    private final List<SoftTlb> tlbs = new ArrayList<>();

    /** Adds the TLB of a new thread of the address space. Preconditions: the machine lock is held. */
    void addLocked(SoftTlb tlb) {
        tlbs.add(tlb);
    }

    /**
     * Flushes every TLB of the address space and waits until no store can still land through a
     * flushed entry; TLBs with nothing cached cost one test. Preconditions: the machine lock is
     * held (so no TLB is refilled meanwhile).
     */
    void flushLocked() {
        boolean flushed = false;
        for (SoftTlb tlb : tlbs) {
            flushed |= tlb.flushLocked();
        }
        if (flushed) {
            VarHandle.fullFence(); // the flushes above are visible before the gates below are read
            for (SoftTlb tlb : tlbs) {
                tlb.awaitStoresLocked();
            }
        }
    }
}
