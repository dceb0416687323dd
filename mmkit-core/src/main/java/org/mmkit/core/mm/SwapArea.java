package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.lang.foreign.MemorySegment;
import java.util.BitSet;

import org.mmkit.core.mem.PageStore;

/**
 * One swap device ({@code struct swap_info_struct}): its slots with their counts
 * ({@code swap_map}), the folio of the swap cache that holds a slot, if any, and what was written
 * to each slot. Slot 0 is the header ({@code SWAP_HEADER}), never handed out. The device is
 * synchronous ({@code SWP_SYNCHRONOUS_IO}, as zram is): a write has finished when
 * {@link #write} returns. Guarded by the machine lock.
 */
final class SwapArea {
    /** {@code si->type}: the index in the machine's swap areas and in swap entries. */
    final int type;
    /** {@code si->prio}: areas of higher priority are used first. */
    final int priority;
    /** {@code si->max}: slots, the header included. */
    final long slots;
    /**
     * {@code swap_map}: per slot, the swap entries that point at it (page tables); 0 for a free
     * slot. Invariant: a slot is free exactly when its count is 0 and {@link #cachedPfn} is 0.
     */
    private final int[] counts;
    /** The swap cache folio holding each slot ({@code SWAP_HAS_CACHE}), 0 for none (PFN 0 is reserved). */
    private final int[] cachedPfn;
    /**
     * What the last write to each slot stored, off-heap: memory a freed slot used is reused by the
     * next write to it (zram's compressed pages, here one page per slot).
     */
    private final PageStore contents;
    /** The slots whose last write was a page of zeros, which is not written but marked ({@code swap_zeromap_folio_set}). */
    private final BitSet zeroSlots = new BitSet();
    /** Where reads and writes that reach the device are counted. */
    private final Events events;
    /**
     * Where the next allocation looks first: the cluster allocator hands a fresh device's slots
     * out in order from 1 and does not go back to a freed slot while later ones are free
     * ({@code cluster_alloc_swap_entry} keeps its per-CPU cluster's next offset).
     */
    private int next = 1;
    /** {@code si->inuse_pages}: slots in use. */
    long inUse;
    /**
     * {@code SWP_WRITEOK}: slots may be handed out. Off while swapoff brings the area's pages
     * back, so that reclaim during swapoff does not put pages into the area going away.
     */
    boolean writeOk = true;

    /** The PSWPIN and PSWPOUT vm events: pages read from and written to swap devices. */
    static final class Events {
        long pswpin;
        long pswpout;
    }

    SwapArea(int type, int priority, long slots, Events events) {
        if (slots < 2 || slots > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a swap area needs 2 to 2^31-1 pages, not " + slots);
        }
        this.type = type;
        this.priority = priority;
        this.slots = slots;
        this.counts = new int[(int) slots];
        this.cachedPfn = new int[(int) slots];
        this.contents = new PageStore((int) slots, true);
        this.events = events;
    }

    /** {@code cluster_alloc_swap_entry}: a free slot, now held by the swap cache folio {@code pfn}; -1 when full. */
    long allocate(int pfn) {
        for (long tried = 1; tried < slots; tried++) {
            int offset = next;
            next = next + 1 == slots ? 1 : next + 1;
            if (counts[offset] == 0 && cachedPfn[offset] == 0) {
                cachedPfn[offset] = pfn;
                inUse++;
                return offset;
            }
        }
        return -1;
    }

    /** Whether a new page could go here: the area takes writes and has a free slot. */
    boolean hasFreeSlot() {
        return writeOk && inUse < slots - 1;
    }

    int count(long offset) {
        return counts[(int) offset];
    }

    /** {@code swap_duplicate}: one more swap entry points at the slot. */
    void duplicate(long offset) {
        counts[(int) offset]++;
    }

    /** {@code swap_entry_put}: one swap entry less; the slot is freed when nothing holds it. */
    void put(long offset) {
        if (--counts[(int) offset] < 0) {
            throw new IllegalStateException("swap count underflow at slot " + offset + " of area " + type);
        }
        freeIfUnused(offset);
    }

    /** The swap cache folio of the slot, 0 for none. */
    int cachedPfn(long offset) {
        return cachedPfn[(int) offset];
    }

    /** Adds the slot's folio to, or with 0 removes it from, the swap cache; the slot is freed when nothing holds it. */
    void setCached(long offset, int pfn) {
        cachedPfn[(int) offset] = pfn;
        freeIfUnused(offset);
    }

    private void freeIfUnused(long offset) {
        if (counts[(int) offset] == 0 && cachedPfn[(int) offset] == 0) {
            inUse--;
        }
    }

    /**
     * {@code swap_writeout}: stores the page in the slot (PSWPOUT), or, for a page of zeros, only
     * marks the slot as zeros ({@code is_folio_zero_filled}): no write, no event.
     */
    void write(long offset, MemorySegment page) {
        boolean zeros = page.mismatch(ZERO_PAGE) < 0;
        zeroSlots.set((int) offset, zeros);
        if (!zeros) {
            MemorySegment.copy(page, 0, contents.page((int) offset), 0, PAGE_SIZE);
            events.pswpout++;
        }
    }

    /** {@code swap_read_folio}: loads the slot into {@code page} (PSWPIN), or zeros without a read for a slot of zeros. */
    void read(long offset, MemorySegment page) {
        if (zeroSlots.get((int) offset)) {
            page.fill((byte) 0);
            return;
        }
        MemorySegment.copy(contents.page((int) offset), 0, page, 0, PAGE_SIZE);
        events.pswpin++;
    }

    /** {@code swapoff}'s end, or the machine's: the stored pages' memory goes back to the host. */
    void close() {
        contents.close();
    }

    /** A page of zeros to compare with. */
    private static final MemorySegment ZERO_PAGE = MemorySegment.ofArray(new byte[(int) PAGE_SIZE]);
}
