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
 * <p><b>Concurrency.</b> Entries are written by their CPU's miss paths — under the machine lock
 * ({@link #fillLocked}), or with no lock after a lockless page walk ({@link #tryBeginFill}) — and
 * dropped by a shootdown ({@link TlbShootdown}) under the machine lock. Writers exclude each other
 * through {@link #version}, a sequence lock taken by compare-and-set from even to odd. Hits read
 * the entries with no lock: a hit that saw the version change discards what it read. A store hit
 * must also never land in a frame after a shootdown has returned (the frame may be freed and
 * reused by then), so it announces itself in {@link #storeGate} first, with a full fence; the
 * shootdown flushes, fences, then waits while the gate shows a store in flight (Dekker's pattern:
 * either the store sees the flush, or the shootdown sees the store and waits for it). A lockless
 * fill meets the shootdown the same way: it takes the version, then reads the address space's
 * generations, which the shootdown changes before it reads the version. See
 * docs/architecture.md, "Software TLB and shootdown".
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

    /** Sequence of entry changes: odd while a writer changes entries, which it makes so by compare-and-set. Accessed only through {@link #VERSION}. */
    @SuppressWarnings("unused")
    private long version;
    /** Odd while a store hit is in flight; taken by compare-and-set, so one store hit at a time. Accessed only through {@link #STORE_GATE}. */
    @SuppressWarnings("unused")
    private long storeGate;
    /** No slot is filled: a shootdown has nothing to flush here. Written by the writer that holds {@link #version} odd; read by shootdowns after the version. */
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

    // ---- the writer side ----

    /** Caches page {@code vpn} → the frame at {@code offset} of {@code block}. Preconditions: the machine lock is held. */
    void fillLocked(long vpn, MemorySegment block, long offset, boolean canWrite) {
        endFill(lockWrite(), vpn, block, offset, canWrite);
    }

    /**
     * Takes the writer side for a fill with no lock, if no writer has been at work since
     * {@link #beginRead} returned {@code version}; returns whether it did. The compare-and-set is
     * a full fence: the caller's later check of the address space's generations cannot be ordered
     * before it. The caller then ends with {@link #endFill} or {@link #abortFill}.
     */
    boolean tryBeginFill(long version) {
        return (version & 1) == 0 && VERSION.compareAndSet(this, version, version + 1);
    }

    /** Caches page {@code vpn} as {@link #fillLocked} does and releases the writer side taken at {@code version}. */
    void endFill(long version, long vpn, MemorySegment block, long offset, boolean canWrite) {
        int slot = (int) vpn & SLOT_MASK;
        tags[slot] = vpn;
        blocks[slot] = block;
        offsets[slot] = offset;
        writable[slot] = canWrite;
        empty = false;
        VERSION.setRelease(this, version + 2);
    }

    /** Releases the writer side taken at {@code version}, changing no entry. */
    void abortFill(long version) {
        VERSION.setRelease(this, version + 2);
    }

    /**
     * Drops every entry; returns whether there were any. A store hit may still be in flight
     * through a dropped entry: the caller fences, then {@link #awaitStoresLocked}. Called after
     * the caller changed a generation with a full fence, so a lockless fill that took the writer
     * side after this read the version sees that change and gives up. Preconditions: the machine
     * lock is held.
     */
    boolean flushLocked() {
        long v = (long) VERSION.getVolatile(this);
        for (int spins = 0; (v & 1) != 0; spins++) {
            backOff(spins); // a fill in flight: it ends in a few instructions
            v = (long) VERSION.getVolatile(this);
        }
        if (empty) {
            return false;
        }
        v = lockWrite();
        Arrays.fill(tags, NO_PAGE);
        empty = true;
        VERSION.setRelease(this, v + 2);
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
            backOff(spins);
        }
    }

    /**
     * Takes the writer side: makes the version odd (waiting for a lockless fill to end) before
     * entries change; readers that overlap will not validate. Returns the even version it replaced.
     */
    private long lockWrite() {
        for (int spins = 0; ; spins++) {
            long v = (long) VERSION.getOpaque(this);
            if ((v & 1) == 0 && VERSION.compareAndSet(this, v, v + 1)) {
                return v;
            }
            backOff(spins);
        }
    }

    /** Waits a little for a writer or a store hit that holds its word for a few instructions, but whose Java thread may have lost its core. */
    private static void backOff(int spins) {
        if (spins < 1000) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }
}
