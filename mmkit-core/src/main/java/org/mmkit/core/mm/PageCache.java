package org.mmkit.core.mm;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page cache of one file ({@code address_space->i_pages}, an xarray): per page index either
 * nothing, a page (its PFN) or a value entry — what shmem stores for a page that is out in swap
 * (a swap entry, {@code xa_mk_value}). Entries are {@code long}s in the xarray's own encoding: a
 * value entry has bit 0 set, a page entry is the PFN shifted left by one, 0 is empty. Indices are
 * held in chunks of 64 slots, so a range walk skips empty stretches a chunk at a time.
 * Guarded by the machine lock.
 */
final class PageCache {
    private static final int CHUNK_SHIFT = 6;
    private static final int CHUNK_SLOTS = 1 << CHUNK_SHIFT;

    /** Chunk number → its 64 slots; a chunk with no entry is removed. */
    private final TreeMap<Long, long[]> chunks = new TreeMap<>();

    /** What a range walk does with each entry. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(long index, long entry);
    }

    /** {@code xa_mk_value}: a value entry carrying {@code value} (at most 63 bits). */
    static long valueEntry(long value) {
        return value << 1 | 1;
    }

    static long pageEntry(int pfn) {
        return (long) pfn << 1;
    }

    /** {@code xa_is_value}. */
    static boolean isValue(long entry) {
        return (entry & 1) != 0;
    }

    static boolean isPage(long entry) {
        return entry != 0 && !isValue(entry);
    }

    /** {@code xa_to_value}. */
    static long value(long entry) {
        return entry >>> 1;
    }

    static int pfn(long entry) {
        return (int) (entry >>> 1);
    }

    /** {@code xa_load}: the entry at {@code index}, 0 if none. */
    long load(long index) {
        long[] slots = chunks.get(index >>> CHUNK_SHIFT);
        return slots == null ? 0 : slots[slot(index)];
    }

    /** {@code xa_store}: sets the entry at {@code index}; 0 erases it. */
    void store(long index, long entry) {
        long key = index >>> CHUNK_SHIFT;
        long[] slots = chunks.get(key);
        if (slots == null) {
            if (entry == 0) {
                return;
            }
            slots = new long[CHUNK_SLOTS];
            chunks.put(key, slots);
        }
        slots[slot(index)] = entry;
        if (entry == 0 && isEmpty(slots)) {
            chunks.remove(key);
        }
    }

    /** {@code xa_for_each_range}: every non-empty entry in [from, to), in index order. */
    void forEach(long from, long to, EntryVisitor visitor) {
        walk(from, to, visitor, false);
    }

    /** Erases every entry in [from, to), handing each to {@code visitor} first. */
    void removeRange(long from, long to, EntryVisitor visitor) {
        walk(from, to, visitor, true);
    }

    private void walk(long from, long to, EntryVisitor visitor, boolean erase) {
        if (from >= to) {
            return;
        }
        Iterator<Map.Entry<Long, long[]>> it = chunks.subMap(from >>> CHUNK_SHIFT, true, (to - 1) >>> CHUNK_SHIFT, true)
                .entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, long[]> chunk = it.next();
            long base = chunk.getKey() << CHUNK_SHIFT;
            long[] slots = chunk.getValue();
            for (int i = 0; i < CHUNK_SLOTS; i++) {
                long index = base + i;
                if (slots[i] != 0 && index >= from && index < to) {
                    visitor.visit(index, slots[i]);
                    if (erase) {
                        slots[i] = 0;
                    }
                }
            }
            if (erase && isEmpty(slots)) {
                it.remove();
            }
        }
    }

    /** The number of page entries (not value entries) in [from, to). */
    long countPages(long from, long to) {
        long[] count = {0};
        forEach(from, to, (index, entry) -> {
            if (isPage(entry)) {
                count[0]++;
            }
        });
        return count[0];
    }

    private static int slot(long index) {
        return (int) index & (CHUNK_SLOTS - 1);
    }

    private static boolean isEmpty(long[] slots) {
        for (long s : slots) {
            if (s != 0) {
                return false;
            }
        }
        return true;
    }
}
