package org.mmkit.core.mm;

import java.lang.invoke.MethodHandles;
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
 * lock, except {@link #generation}, which lockless TLB fills read.
 */
final class TlbShootdown {
    private static final VarHandle GENERATION;

    static {
        try {
            GENERATION = MethodHandles.lookup().findVarHandle(TlbShootdown.class, "generation", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * {@code mm->context.tlb_gen}: grows by 2 at every shootdown, before any TLB is flushed; odd
     * once the kernel is closed, when nothing may be cached again. A lockless fill that reads the
     * same even value before its walk and after taking its TLB's writer side raced with no
     * shootdown. Written under the machine lock, read with no lock.
     */
    @SuppressWarnings("unused") // accessed through GENERATION
    private long generation;
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
        // a full fence: a lockless fill that takes its TLB after the flush below has looked sees this
        GENERATION.getAndAdd(this, 2L);
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

    /**
     * The shootdown of a kernel that closes: no translation is cached after this returns, nor
     * filled again without the machine lock (which then finds the kernel closed).
     * Preconditions: the machine lock is held.
     */
    void closeLocked() {
        GENERATION.getAndBitwiseOr(this, 1L);
        flushLocked();
    }

    /**
     * The generation a lockless fill compares before and after: odd means fill under the machine
     * lock only. Safe to call from any thread.
     */
    long generation() {
        return (long) GENERATION.getVolatile(this);
    }
}
