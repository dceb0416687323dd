package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_MASK;
import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The software TLB of one simulated CPU ({@link CpuThread}): {@value #ENTRIES} direct-mapped
 * entries from a virtual page to where its frame's contents lie in simulated RAM, with whether
 * stores may use the entry. It caches only translations the hardware could use without touching
 * the PTE (accessed set; dirty set for writable entries), so a hit never writes page tables.
 *
 * <p><b>Concurrency.</b> Entries are written only under the machine lock: filled by their CPU's
 * miss path, dropped by a shootdown ({@link TlbShootdown}). They are read with no lock by the hit
 * paths of {@link CpuThread}, as a sequence lock: {@link #version} is odd while a writer changes
 * entries, and a hit that saw it change discards what it read. A store hit must also never land
 * in a frame after a shootdown has returned (the frame may be freed and reused by then), so it
 * announces itself in {@link #storeGate} first, with a full fence; the shootdown flushes, fences,
 * then waits while the gate shows a store in flight (Dekker's pattern: either the store sees the
 * flush, or the shootdown sees the store and waits for it). See docs/architecture.md, "Software
 * TLB and shootdown".
 */
final class SoftTlb {
    /** Number of entries: a power of two, as large as a second-level hardware TLB. */
    static final int ENTRIES = 1024;
    private static final int SLOT_MASK = ENTRIES - 1;
    /** The tag of an empty slot: no virtual page number is negative. */
    private static final long NO_PAGE = -1;

    private static final VarHandle VERSION;
    private static final VarHandle STORE_GATE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            VERSION = lookup.findVarHandle(SoftTlb.class, "version", long.class);
            STORE_GATE = lookup.findVarHandle(SoftTlb.class, "storeGate", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Virtual page number of each slot, or {@link #NO_PAGE}. Written under the machine lock inside a version write. */
    private final long[] tags = new long[ENTRIES];
    /** The block of simulated RAM holding the slot's frame ({@code PhysicalMemory.block}). */
    private final MemorySegment[] blocks = new MemorySegment[ENTRIES];
    /** Where the slot's frame starts in its block. */
    private final long[] offsets = new long[ENTRIES];
    /** Whether stores may use the slot: its PTE was writable and dirty when it was cached. */
    private final boolean[] writable = new boolean[ENTRIES];

    /** Sequence of entry changes: odd while a writer (under the machine lock) changes entries. Accessed only through {@link #VERSION}. */
    @SuppressWarnings("unused")
    private long version;
    /** Odd while a store hit is in flight; taken by compare-and-set, so one store hit at a time. Accessed only through {@link #STORE_GATE}. */
    @SuppressWarnings("unused")
    private long storeGate;
    /** No slot is filled: a shootdown has nothing to flush here. Guarded by the machine lock. */
    boolean empty = true;

    SoftTlb() {
        Arrays.fill(tags, NO_PAGE);
    }

    // ---- the hit side: no lock ----

    /** Starts an optimistic read of the entries: the version to {@link #validate}; odd means a writer is at work. */
    long beginRead() {
        return (long) VERSION.getAcquire(this);
    }

    /** Whether no writer changed an entry since {@link #beginRead} returned {@code version}; every read before it is ordered before this check. */
    boolean validate(long version) {
        VarHandle.acquireFence();
        return (version & 1) == 0 && (long) VERSION.getOpaque(this) == version;
    }

    /**
     * The slot that translates an access of {@code length} bytes at {@code addr}, all within one
     * page, for a store if {@code write}; -1 on a miss or for an access across pages. Read
     * optimistically: the caller validates before it trusts what it read.
     */
    int hit(long addr, int length, boolean write) {
        long vpn = addr >>> PAGE_SHIFT;
        int slot = (int) vpn & SLOT_MASK;
        boolean inPage = length > 0 && (addr & ~PAGE_MASK) + length <= PAGE_SIZE;
        // a filled slot never loses its block, so block(slot) stays non-null after this test
        return inPage && tags[slot] == vpn && (!write || writable[slot]) && blocks[slot] != null ? slot : -1;
    }

    /** The block of the frame of a slot {@link #hit} returned (read optimistically). */
    MemorySegment block(int slot) {
        return blocks[slot];
    }

    /** Where the frame of a slot {@link #hit} returned starts in its {@link #block} (read optimistically). */
    long offset(int slot) {
        return offsets[slot];
    }

    /**
     * Announces a store hit: returns the gate's odd value for {@link #leaveStore}, or -1 when
     * another Java thread is in a store hit of this CPU (then the caller takes the miss path).
     * The compare-and-set is a full fence: the announcement is visible before any entry is read.
     */
    long enterStore() {
        long gate = (long) STORE_GATE.getOpaque(this);
        return (gate & 1) == 0 && STORE_GATE.compareAndSet(this, gate, gate + 1) ? gate + 1 : -1;
    }

    /** Ends the store hit {@link #enterStore} began; its store is ordered before. */
    void leaveStore(long gate) {
        STORE_GATE.setRelease(this, gate + 1);
    }

    // ---- the writer side: under the machine lock ----

    /** Caches page {@code vpn} → the frame at {@code offset} of {@code block}. Preconditions: the machine lock is held. */
    void fillLocked(long vpn, MemorySegment block, long offset, boolean canWrite) {
        int slot = (int) vpn & SLOT_MASK;
        long v = beginWrite();
        tags[slot] = vpn;
        blocks[slot] = block;
        offsets[slot] = offset;
        writable[slot] = canWrite;
        VERSION.setRelease(this, v + 2);
        empty = false;
    }

    /**
     * Drops every entry; returns whether there were any. A store hit may still be in flight
     * through a dropped entry: the caller fences, then {@link #awaitStoresLocked}.
     * Preconditions: the machine lock is held.
     */
    boolean flushLocked() {
        if (empty) {
            return false;
        }
        long v = beginWrite();
        Arrays.fill(tags, NO_PAGE);
        VERSION.setRelease(this, v + 2);
        empty = true;
        return true;
    }

    /**
     * Waits until the store hit in flight when this was called, if any, has ended. Called after a
     * flush and a full fence, it returns once no store can land through a flushed entry.
     * Preconditions: the machine lock is held.
     */
    void awaitStoresLocked() {
        long gate = (long) STORE_GATE.getAcquire(this);
        for (int spins = 0; (gate & 1) != 0 && (long) STORE_GATE.getAcquire(this) == gate; spins++) {
            // a store hit is a few instructions, but its Java thread may have lost its core
            if (spins < 1000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** Makes the version odd before entries change; readers that overlap will not validate. */
    private long beginWrite() {
        long v = (long) VERSION.getOpaque(this);
        VERSION.setOpaque(this, v + 1);
        VarHandle.storeStoreFence();
        return v;
    }
}
