package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_MASK;
import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;

/**
 * The software TLB of one simulated CPU ({@link CpuThread}): direct-mapped entries from a virtual
 * page to its frame, with whether stores may use the entry. It caches only translations the
 * hardware could use without touching the PTE (accessed set; dirty set for writable entries), so
 * a hit never writes page tables.
 *
 * <p><b>Size.</b> It starts with {@value #MIN_ENTRIES} entries and resizes itself as QEMU's
 * softmmu does ({@code tlb_mmu_resize_locked}): it doubles, keeping its entries, when misses on
 * pages used before keep evicting live entries of a well-used table, up to {@value #MAX_ENTRIES}
 * (a working set of 60k pages hits); it shrinks at a flush when the flushes of a window found it
 * mostly unused. First touches (faults) fill it but never grow it, so a thread that only faults
 * pages in keeps a small table. Every
 * entry is tagged with the flush epoch it was filled in, so a flush of any size is one increment;
 * the words are cleared for real only when the epoch wraps.
 *
 * <p><b>Concurrency.</b> Entries are written by their CPU's miss paths — under the machine lock
 * ({@link #fillLocked}), or with no lock after a lockless page walk ({@link #tryBeginFill}) — and
 * dropped by a shootdown ({@link TlbShootdown}) under the machine lock. Writers (fills, resizes,
 * flushes) exclude each other through {@link #version}, a sequence lock taken by compare-and-set
 * from even to odd. Hits read the entries with no lock: a hit that saw the version change
 * discards what it read; it reads the table once, so a resize can only make it miss, never index
 * past an array's end. A store hit must also never land in a frame after a shootdown has
 * returned (the frame may be freed and reused by then), so it announces itself in {@link
 * #storeGate} first, with a full fence; the shootdown flushes, fences, then waits while the gate
 * shows a store in flight (Dekker's pattern: either the store sees the flush, or the shootdown
 * sees the store and waits for it). A lockless fill meets the shootdown the same way: it takes
 * the version, then reads the address space's generations, which the shootdown changes before it
 * reads the version. See docs/architecture.md, "Software TLB and shootdown".
 */
final class SoftTlb {
    /** Entries of a new TLB, and the fewest it shrinks to: a power of two, as large as a second-level hardware TLB. */
    static final int MIN_ENTRIES = 1024;
    /** The most entries a TLB grows to: a power of two; 1 MiB of words. */
    static final int MAX_ENTRIES = 1 << 16;
    /** Bits of a user address: four levels of page tables translate {@code PGD_SHIFT} + 9 bits. */
    private static final int VA_BITS = PageTables.PGD_SHIFT + Integer.numberOfTrailingZeros(PageTables.ENTRIES);
    /** Bits of a virtual page number, the low bits of a tag; the epoch is above them. */
    private static final int VPN_BITS = VA_BITS - PAGE_SHIFT;
    private static final long VPN_MASK = (1L << VPN_BITS) - 1;
    /** Epochs run from 1 up to this (excluded), so a tag is never negative; epoch 0 is a word never filled. */
    private static final long EPOCH_LIMIT = 1L << (Long.SIZE - 1 - VPN_BITS);
    /** The frame word's low bit: stores may use the entry. */
    private static final long WRITABLE = 1;
    /** Full flushes of a non-empty TLB over which its use is judged for shrinking. */
    static final int SHRINK_WINDOW = 16;

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

    /** Where the frames' contents lie: a hit finds the block from the PFN. */
    private final PhysicalMemory memory;
    /** Where the epoch wraps: {@link #EPOCH_LIMIT}, smaller in tests. */
    private final long epochLimit;
    /**
     * Two words per slot, in one cache line: the tag ({@code epoch << VPN_BITS | vpn}) and the
     * frame ({@code pfn << 1 | WRITABLE}). The length is twice a power of two, and never changes:
     * a resize replaces the array. Written, and replaced, by a writer holding {@link #version} odd;
     * read by hits with no lock.
     */
    private long[] words;
    /** {@code epoch << VPN_BITS}: the tag bits of entries filled since the last flush. Guarded as {@link #words}. */
    private long epochTag;
    /** Slots holding an entry of the current epoch; 0 means a shootdown has nothing to flush here. Guarded as {@link #words}; read by shootdowns after the version. */
    private int used;
    /** Lockless fills (pages used again) that evicted an entry of the current epoch since the last resize or flush. Guarded as {@link #words}. */
    private int evictions;
    /** Flushes of a non-empty TLB in the current shrink window, and the most entries one of them dropped. Guarded as {@link #words}. */
    private int windowFlushes;
    private int windowMostUsed;

    /** Sequence of entry changes: odd while a writer changes entries, which it makes so by compare-and-set. Accessed only through {@link #VERSION}. */
    @SuppressWarnings("unused")
    private long version;
    /** Odd while a store hit is in flight; taken by compare-and-set, so one store hit at a time. Accessed only through {@link #STORE_GATE}. */
    @SuppressWarnings("unused")
    private long storeGate;

    /** An empty TLB of {@value #MIN_ENTRIES} entries translating to frames of {@code memory}. */
    SoftTlb(PhysicalMemory memory) {
        this(memory, EPOCH_LIMIT);
    }

    /** A TLB whose epoch wraps after {@code epochLimit - 1} flushes (at least 2), so that tests can reach the wrap. */
    SoftTlb(PhysicalMemory memory, long epochLimit) {
        if (epochLimit < 2 || epochLimit > EPOCH_LIMIT) {
            throw new IllegalArgumentException("epoch limit out of range: " + epochLimit);
        }
        this.memory = memory;
        this.epochLimit = epochLimit;
        this.words = new long[2 * MIN_ENTRIES];
        this.epochTag = 1L << VPN_BITS;
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
     * The frame that translates an access of {@code length} bytes at {@code addr}, all within one
     * page, for a store if {@code write}; -1 on a miss or for an access across pages. Read
     * optimistically: the caller validates before it trusts what it read.
     */
    int hit(long addr, int length, boolean write) {
        long vpn = addr >>> PAGE_SHIFT;
        long[] table = words; // read once: a resize meanwhile makes the read invalid, never out of bounds
        int slot = (int) vpn << 1 & table.length - 2;
        long frame = table[slot + 1];
        // a user address has VA_BITS bits; a larger one would reach into the tag's epoch
        boolean inPage = length > 0 && (addr & ~PAGE_MASK) + length <= PAGE_SIZE && addr >>> VA_BITS == 0;
        return inPage && table[slot] == (epochTag | vpn) && (!write || (frame & WRITABLE) != 0)
                ? (int) (frame >>> 1) : -1;
    }

    /**
     * The block holding frame {@code pfn}, which {@link #hit} returned (read optimistically), at
     * {@code PhysicalMemory.offsetInBlock(pfn)}; null if a torn read named a frame whose contents
     * do not exist (then the caller takes the miss path).
     */
    MemorySegment block(int pfn) {
        return memory.blockIfPresent(pfn);
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

    /**
     * Caches page {@code vpn} → frame {@code pfn} for the locked miss path, mostly a first touch
     * or a fault, which never grows the table. Preconditions: the machine lock is held.
     */
    void fillLocked(long vpn, int pfn, boolean canWrite) {
        long version = lockWrite();
        put(vpn, pfn, canWrite, false);
        VERSION.setRelease(this, version + 2);
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

    /**
     * Caches page {@code vpn} → frame {@code pfn} after a lockless walk and releases the writer
     * side taken at {@code version}. Such a miss found a PTE that some access already used: a
     * page used again, which a larger table might have kept, so it may grow the table.
     */
    void endFill(long version, long vpn, int pfn, boolean canWrite) {
        put(vpn, pfn, canWrite, true);
        VERSION.setRelease(this, version + 2);
    }

    /** Releases the writer side taken at {@code version}, changing no entry. */
    void abortFill(long version) {
        VERSION.setRelease(this, version + 2);
    }

    /**
     * Writes the entry. If {@code usedAgain} and it evicts a live entry, counts the eviction;
     * once a well-used table has evicted as many such entries as it has, it doubles.
     * Preconditions: the version is odd.
     */
    private void put(long vpn, int pfn, boolean canWrite, boolean usedAgain) {
        long[] table = words;
        int slot = (int) vpn << 1 & table.length - 2;
        long old = table[slot];
        if ((old & ~VPN_MASK) != epochTag) {
            used++;
        } else if (usedAgain && old != (epochTag | vpn)) {
            evictions++;
        }
        table[slot] = epochTag | vpn;
        table[slot + 1] = (long) pfn << 1 | (canWrite ? WRITABLE : 0);
        int entries = table.length >>> 1;
        if (evictions >= entries && used >= entries / 2 && entries < MAX_ENTRIES) {
            grow(table);
        }
    }

    /** Doubles the table, keeping its live entries (each goes to one of two slots, so none collide). Preconditions: the version is odd. */
    private void grow(long[] table) {
        long[] grown = new long[2 * table.length];
        for (int slot = 0; slot < table.length; slot += 2) {
            long tag = table[slot];
            if ((tag & ~VPN_MASK) == epochTag) {
                int to = (int) tag << 1 & grown.length - 2;
                grown[to] = tag;
                grown[to + 1] = table[slot + 1];
            }
        }
        words = grown;
        evictions = 0;
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
        if (used == 0) {
            return false;
        }
        v = lockWrite();
        int entries = words.length >>> 1;
        windowMostUsed = Math.max(windowMostUsed, used);
        if (++windowFlushes == SHRINK_WINDOW) {
            // mostly unused over the window: shrink to four times what the fullest flush dropped
            int fitting = Math.max(MIN_ENTRIES, Integer.highestOneBit(windowMostUsed) << 2);
            if (fitting < entries) {
                words = new long[2 * fitting]; // all epoch 0: empty
            }
            windowFlushes = 0;
            windowMostUsed = 0;
        }
        long next = (epochTag >>> VPN_BITS) + 1;
        if (next == epochLimit) {
            Arrays.fill(words, 0); // the epoch wraps: tags of old epochs would match again
            next = 1;
        }
        epochTag = next << VPN_BITS;
        used = 0;
        evictions = 0;
        VERSION.setRelease(this, v + 2);
        return true;
    }

    /** Whether no entry is cached. Preconditions: the machine lock is held, or the caller is the only thread using this TLB. */
    boolean isEmpty() {
        return used == 0;
    }

    /** How many entries the table has now (a power of two). Preconditions: as {@link #isEmpty}. */
    int entries() {
        return words.length >>> 1;
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
