package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SIZE;
import static org.mmkit.core.Uapi.PMD_SIZE;

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
    /** {@code SWAPFILE_CLUSTER}: slots per cluster, a PMD's worth of pages ({@code HPAGE_PMD_NR}). */
    static final int CLUSTER_SLOTS = (int) (PMD_SIZE / PAGE_SIZE);
    /**
     * The clusters ({@code si->cluster_info}) and the lists they are on: each cluster's
     * {@code ci->count} (its slots in use, the header and the slots past the end counted), its
     * {@code ci->flags} (the list it is on), whether it has its swap table, and its links.
     */
    private final SwapClusters clusters;
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
        this.clusters = new SwapClusters(slots, CLUSTER_SLOTS);
    }

    /**
     * {@code swap_alloc_fast}'s part: a slot from the CPU's cluster, scanning on from
     * {@code offset}, for the swap cache folio {@code pfn}; 0 when the cluster is not usable (a
     * free cluster has given back its swap table, a full one has no slot) or has no free slot from
     * there to its end. Sets the CPU's next offset as the scan leaves it.
     */
    long allocateFrom(long offset, int pfn, SwapCpuCluster cpu) {
        int cluster = (int) (offset / CLUSTER_SLOTS);
        if (!clusters.usable(cluster)) {
            return 0;
        }
        return scanCluster(cluster, clusters.count[cluster] == 0 ? clusterStart(cluster) : offset, pfn, cpu);
    }

    /**
     * {@code cluster_alloc_swap_entry} for one page on a solid-state device: the clusters some
     * slots were freed in ({@code nonfull_clusters}, all of them), then a free cluster, then one
     * fragmented cluster ({@code frag_clusters}); each scanned from its start. 0 when none has a
     * free slot. The cluster found becomes the CPU's.
     */
    long allocate(int pfn, SwapCpuCluster cpu) {
        long found;
        do {
            found = scanList(SwapClusters.NONFULL, pfn, cpu);
        } while (found < 0);
        if (found == 0) {
            found = Math.max(0, scanList(SwapClusters.FREE, pfn, cpu));
        }
        if (found == 0) {
            found = Math.max(0, scanList(SwapClusters.FRAG, pfn, cpu));
        }
        return found;
    }

    /**
     * {@code alloc_swap_scan_list}: takes the first cluster off {@code list}
     * ({@code isolate_lock_cluster}) and scans it from its start; the slot, -1 when the cluster had
     * none free (the caller may try the next), 0 when the list is empty.
     */
    private long scanList(int list, int pfn, SwapCpuCluster cpu) {
        int cluster = clusters.isolateFirst(list);
        if (cluster < 0) {
            return 0;
        }
        long found = scanCluster(cluster, clusterStart(cluster), pfn, cpu);
        return found == 0 ? -1 : found;
    }

    /**
     * {@code alloc_swap_scan_cluster}: the first free slot of the cluster from {@code offset} on,
     * taken for the swap cache folio {@code pfn}; 0 when there is none, or when the area takes no
     * more writes ({@code cluster_alloc_range} checks {@code SWP_WRITEOK}). The cluster then goes
     * to the list its count says ({@code relocate_cluster}), and the CPU keeps the slot after the
     * one taken as where it goes on, or nothing when that is past the cluster or the cluster is full.
     *
     * <p>A slot that only the swap cache holds is passed over: {@code cluster_scan_range} reclaims
     * it only when swap is more than half full ({@code vm_swap_full}), which the model does not do.
     */
    private long scanCluster(int cluster, long offset, int pfn, SwapCpuCluster cpu) {
        long end = Math.min(clusterStart(cluster) + CLUSTER_SLOTS, slots) - 1;
        long found = 0;
        long next = 0;
        if (clusters.count[cluster] < CLUSTER_SLOTS) {
            for (; offset <= end; offset++) {
                if (offset == 0 || counts[(int) offset] != 0 || cachedPfn[(int) offset] != 0) {
                    continue;
                }
                if (!writeOk) {
                    break;
                }
                cachedPfn[(int) offset] = pfn;
                inUse++;
                clusters.count[cluster]++;
                found = offset;
                if (clusters.count[cluster] < CLUSTER_SLOTS && offset + 1 <= end) {
                    next = offset + 1;
                }
                break;
            }
        }
        clusters.relocate(cluster);
        cpu.set(this, next);
        return found;
    }

    private static long clusterStart(int cluster) {
        return (long) cluster * CLUSTER_SLOTS;
    }

    /** For the invariants: what is wrong with the clusters' counts and lists, or null. */
    String clusterInconsistency() {
        int[] used = new int[(int) ((slots + CLUSTER_SLOTS - 1) / CLUSTER_SLOTS)];
        used[0]++;
        used[used.length - 1] += (int) ((long) used.length * CLUSTER_SLOTS - slots);
        for (int offset = 1; offset < slots; offset++) {
            if (counts[offset] != 0 || cachedPfn[offset] != 0) {
                used[offset / CLUSTER_SLOTS]++;
            }
        }
        return clusters.inconsistency(used);
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

    /**
     * {@code swap_entries_free}: a slot nothing holds is free; its cluster becomes free when it
     * was the last slot in use ({@code free_cluster}), else goes to the nonfull list
     * ({@code partial_free_cluster}).
     */
    private void freeIfUnused(long offset) {
        if (counts[(int) offset] == 0 && cachedPfn[(int) offset] == 0) {
            inUse--;
            clusters.slotFreed((int) (offset / CLUSTER_SLOTS));
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
