package org.mmkit.core.mm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mmkit.core.SwapStats;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * The machine's swap: its swap areas ({@code swap_info[]}, by type) and the swap cache
 * ({@code mm/swap_state.c}), which holds a folio under its swap slot while the folio is being
 * written, after a swap-in that others may still want, and until nothing needs both. A folio in
 * the swap cache holds a reference of its own and its slot ({@code SWAP_HAS_CACHE}). Guarded by the
 * machine lock.
 */
final class Swap {
    private final PhysicalMemory memory;
    /** The PSWPIN and PSWPOUT vm events, which every area counts into and which outlive areas. */
    private final SwapArea.Events events = new SwapArea.Events();
    /** Areas by type, the type being the index; null where an area was switched off and no other took its type. */
    private final List<SwapArea> areas = new ArrayList<>();
    /**
     * {@code shmem_swaplist}: the shmem files that wrote pages to swap, in the order they first
     * did, which swapoff visits ({@code shmem_unuse}); a file leaves it when evicted.
     */
    final Set<ShmemFile> shmemSwapList = new LinkedHashSet<>();
    /** Which swap-cache folios were read ahead, and each VMA's readahead window. */
    final SwapReadahead readahead = new SwapReadahead();
    /**
     * {@code folio->swap} of every folio in the swap cache: its swap entry without flag bits, by
     * PFN, in blocks of {@value #CACHED_BLOCK} frames made when a frame of the block first enters
     * the swap cache; 0 for a frame not in it (no entry is 0: a slot's offset is at least 1).
     * Unboxed, so that a page going through the swap cache allocates nothing here.
     */
    private final long[][] cachedEntries;
    private static final int CACHED_SHIFT = 8;
    private static final int CACHED_BLOCK = 1 << CACHED_SHIFT;
    /** Where the next slot is looked for first ({@code percpu_swap_cluster}). */
    private final SwapCpuCluster cpuCluster = new SwapCpuCluster();

    Swap(PhysicalMemory memory) {
        this.memory = memory;
        this.cachedEntries = new long[(memory.frames() + CACHED_BLOCK - 1) >>> CACHED_SHIFT][];
    }

    /** The swap entry of {@code pfn} in the swap cache, 0 for none. */
    private long cachedEntry(int pfn) {
        long[] block = cachedEntries[pfn >>> CACHED_SHIFT];
        return block == null ? 0 : block[pfn & (CACHED_BLOCK - 1)];
    }

    private void setCachedEntry(int pfn, long entry) {
        long[] block = cachedEntries[pfn >>> CACHED_SHIFT];
        if (block == null) {
            block = new long[CACHED_BLOCK];
            cachedEntries[pfn >>> CACHED_SHIFT] = block;
        }
        block[pfn & (CACHED_BLOCK - 1)] = entry;
    }

    /**
     * {@code swapon}: a new area of {@code pages} (the header page included) at {@code priority}
     * under the lowest type no area holds ({@code alloc_swap_info}); returns its type.
     */
    int swapon(long pages, int priority) {
        int type = areas.indexOf(null);
        if (type < 0 && areas.size() == SwapEntryLayout.MAX_SWAPFILES) {
            throw new IllegalStateException("no more than " + SwapEntryLayout.MAX_SWAPFILES + " swap areas");
        }
        SwapArea area = new SwapArea(type < 0 ? areas.size() : type, priority, pages, events);
        if (type < 0) {
            areas.add(area);
        } else {
            areas.set(type, area);
        }
        return area.type;
    }

    /** The active areas in type order, for the invariants and /proc. */
    List<SwapArea> areas() {
        return areas.stream().filter(Objects::nonNull).toList();
    }

    /** The area switched on under {@code type}, or null. */
    SwapArea areaOfType(int type) {
        return type >= 0 && type < areas.size() ? areas.get(type) : null;
    }

    /** The last step of {@code swapoff}: the area, which nothing uses any more, gives up its type. */
    void remove(SwapArea area) {
        if (area.inUse != 0) {
            throw new IllegalStateException("swap area " + area.type + " still has " + area.inUse + " slots in use");
        }
        areas.set(area.type, null);
        cpuCluster.forget(area);
        area.close();
    }

    /** The machine's end: every area's stored pages go back to the host. */
    void close() {
        areas().forEach(SwapArea::close);
    }

    /**
     * The area of a swap entry (a PTE of swap format that is no marker). An entry of no active
     * area (a migration entry among them: the model has no migration) is a model defect.
     */
    SwapArea area(long entry) {
        int type = SwapEntryLayout.type(entry);
        if (type >= areas.size() || areas.get(type) == null) {
            throw new IllegalStateException("swap entry of type " + type + ", but no swap area of that type is on");
        }
        return areas.get(type);
    }

    /**
     * {@code folio_alloc_swap} + {@code add_to_swap_cache}: gives the folio a slot, from the CPU's
     * cluster if it has one free ({@code swap_alloc_fast}), else from a new cluster of the area of
     * highest priority that has a slot free, the first of equals ({@code swap_alloc_slow}), and puts
     * it into the swap cache; returns the swap entry, or -1 when every area is full.
     */
    long addToSwap(int pfn) {
        long offset = cpuCluster.allocate(pfn);
        SwapArea area = cpuCluster.area();
        if (offset == 0) {
            area = null;
            for (int type = 0; type < areas.size(); type++) { // indexed: no iterator per page
                SwapArea candidate = areas.get(type);
                if (candidate != null && candidate.hasFreeSlot() && (area == null || candidate.priority > area.priority)) {
                    area = candidate;
                }
            }
            offset = area == null ? 0 : area.allocate(pfn, cpuCluster);
        }
        if (offset == 0) {
            return -1;
        }
        long entry = SwapEntryLayout.make(area.type, offset);
        memory.get(pfn);
        setCachedEntry(pfn, entry);
        return entry;
    }

    /** {@code swap_cache_get_folio}: the folio the swap cache holds for {@code entry}, 0 for none. */
    int lookup(long entry) {
        return area(entry).cachedPfn(SwapEntryLayout.offset(entry));
    }

    /** {@code add_to_swap_cache} of a folio read in from a slot that swap entries still point at. */
    void addToCache(long entry, int pfn) {
        long bare = SwapEntryLayout.make(SwapEntryLayout.type(entry), SwapEntryLayout.offset(entry));
        area(bare).setCached(SwapEntryLayout.offset(bare), pfn);
        memory.get(pfn);
        setCachedEntry(pfn, bare);
    }

    boolean inCache(int pfn) {
        return cachedEntry(pfn) != 0;
    }

    /** The swap entry of a folio in the swap cache. */
    long entryOf(int pfn) {
        return cachedEntry(pfn);
    }

    /** {@code delete_from_swap_cache}: the folio leaves the swap cache, dropping its reference and its hold on the slot. */
    void deleteFromCache(int pfn) {
        long entry = cachedEntry(pfn);
        setCachedEntry(pfn, 0);
        readahead.forget(pfn);
        area(entry).setCached(SwapEntryLayout.offset(entry), 0);
        memory.put(pfn);
    }

    /**
     * {@code folio_free_swap}: a folio in the swap cache whose slot no swap entry points at any
     * more leaves the swap cache; returns whether it did.
     */
    boolean freeSwap(int pfn) {
        long entry = cachedEntry(pfn);
        if (entry == 0 || area(entry).count(SwapEntryLayout.offset(entry)) != 0) {
            return false;
        }
        deleteFromCache(pfn);
        return true;
    }

    /**
     * {@code free_swap_and_cache}: a swap entry is zapped. Its slot's count drops; a folio the swap
     * cache still holds for it stays there while mapped ({@code __try_to_reclaim_swap} with
     * {@code TTRS_UNMAPPED}) and leaves it otherwise once no entry points at the slot.
     */
    void freeEntry(long entry) {
        SwapArea area = area(entry);
        long offset = SwapEntryLayout.offset(entry);
        area.put(offset);
        int pfn = area.cachedPfn(offset);
        if (pfn != 0 && memory.mapcount(pfn) == 0) {
            freeSwap(pfn);
        }
    }

    /** {@code si_swapinfo} and the PSWPIN/PSWPOUT events over every active area. */
    SwapStats stats() {
        long total = 0;
        long free = 0;
        for (SwapArea area : areas()) {
            total += area.slots - 1;
            free += area.slots - 1 - area.inUse;
        }
        return new SwapStats(total * (PAGE_SIZE >> 10), free * (PAGE_SIZE >> 10), events.pswpin, events.pswpout);
    }

    /** The swap entry of every frame in the swap cache, by PFN, for the invariants. */
    Map<Integer, Long> cachedEntries() {
        Map<Integer, Long> cached = new HashMap<>();
        for (int block = 0; block < cachedEntries.length; block++) {
            for (int i = 0; cachedEntries[block] != null && i < CACHED_BLOCK; i++) {
                if (cachedEntries[block][i] != 0) {
                    cached.put(block << CACHED_SHIFT | i, cachedEntries[block][i]);
                }
            }
        }
        return cached;
    }
}
