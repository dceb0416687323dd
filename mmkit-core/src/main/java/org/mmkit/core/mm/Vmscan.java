package org.mmkit.core.mm;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * LRU aging and reclaim under memory pressure with the classic two-list LRU of the reference
 * machine (no MGLRU; {@code mm/vmscan.c}, {@code mm/swap.c}): pages enter their inactive list
 * ({@code folio_add_lru}), are activated by a second reference ({@code folio_mark_accessed},
 * {@code folio_check_references}), age back to the inactive list ({@code shrink_active_list}),
 * and are reclaimed from the inactive tail ({@code shrink_inactive_list}, {@link Pageout}).
 *
 * <p>The kernel defers LRU moves through per-CPU batches ({@code cpu_fbatches}) and drains them
 * before every reclaim pass and every MADV_COLD/PAGEOUT ({@code lru_add_drain}); the model moves
 * pages at once. With the executor pinned to one CPU, every batch the scenario fills is drained
 * at those points, so the lists reclaim and PAGEOUT see are the kernel's; what can differ in
 * between is only PG_referenced of a page marked accessed again while its activation is still
 * batched (the kernel then keeps toggling the flag, see {@link #markAccessed}).
 *
 * <p>Not modelled: kswapd and the zone watermarks (reclaim starts only when no frame is free),
 * the refault distance ({@code workingset_refault}: a page swapped in is inactive here, where the
 * kernel may activate it), anon/file reclaim costs (the balance uses swappiness alone), and the
 * unevictable list: a page reclaim finds in a VM_LOCKED VMA is activated and stays on the active
 * list. Call with the machine lock held.
 */
final class Vmscan {
    private Vmscan() {
    }

    /** {@code SWAP_CLUSTER_MAX}: pages per scan batch, and what direct reclaim tries to free. */
    static final int SWAP_CLUSTER_MAX = 32;
    /** {@code DEF_PRIORITY}: the first pass scans {@code size >> 12} of each list. */
    static final int DEF_PRIORITY = 12;
    /** {@code MAX_RECLAIM_RETRIES}: direct reclaim rounds before the allocation gives up (OOM). */
    static final int MAX_RECLAIM_RETRIES = 16;
    /** {@code vm.swappiness} of the reference machine: anon's share of 200 in the scan balance. */
    static final int SWAPPINESS = 60;

    /** The reclaimer the allocator asks when no frame is free ({@code __alloc_pages_direct_reclaim}). */
    static final DirectReclaim DIRECT = Vmscan::directReclaim;

    /**
     * {@code __alloc_pages_direct_reclaim} with its retries: {@code try_to_free_pages} until
     * {@code pages} frames are free or {@link #MAX_RECLAIM_RETRIES} rounds made none free.
     * Returns the pages freed.
     */
    private static int directReclaim(Machine machine, int pages, int gfp) {
        int freed = 0;
        for (int round = 0; round < MAX_RECLAIM_RETRIES && machine.memory.freeFrames() < pages; round++) {
            int reclaimed = tryToFreePages(machine, SWAP_CLUSTER_MAX);
            if (reclaimed == 0) {
                break; // a round that found nothing finds nothing again: nothing changed in between
            }
            freed += reclaimed;
        }
        return freed;
    }

    /**
     * Reclaim asked for from outside an allocation, as writing to a v1 memory cgroup's
     * {@code memory.force_empty} ({@code mem_cgroup_force_empty}) does for its group: rounds of
     * {@link #tryToFreePages} for {@link #SWAP_CLUSTER_MAX} pages ({@code try_to_free_mem_cgroup_pages}
     * asks for at least that many) until {@code pages} are freed, no page is left on an LRU list,
     * or {@link #MAX_RECLAIM_RETRIES} rounds have freed nothing. Referenced pages are not spared:
     * a round clears their young bits, so a later round takes them; pages in VM_LOCKED VMAs stay.
     * Returns the pages freed, which may pass {@code pages} by less than a round's overshoot.
     */
    static long reclaim(Machine machine, long pages) {
        long freed = 0;
        for (int retries = MAX_RECLAIM_RETRIES; freed < pages && retries > 0 && lruPages(machine.memory) > 0; ) {
            int reclaimed = tryToFreePages(machine, SWAP_CLUSTER_MAX);
            if (reclaimed == 0) {
                retries--;
            }
            freed += reclaimed;
        }
        return freed;
    }

    private static long lruPages(PhysicalMemory memory) {
        long pages = 0;
        for (int list = 0; list < PhysicalMemory.NR_LRU_LISTS; list++) {
            pages += memory.lruSize(list);
        }
        return pages;
    }

    /**
     * {@code do_try_to_free_pages}: {@code shrink_lruvec} at falling priority until
     * {@code target} pages are reclaimed or priority 0 has scanned everything; when nothing was
     * reclaimed because an active list was not allowed to age, once more with aging forced.
     */
    static int tryToFreePages(Machine machine, int target) {
        int reclaimed = 0;
        boolean[] skippedDeactivate = new boolean[1];
        for (boolean force : new boolean[] {false, true}) {
            for (int priority = DEF_PRIORITY; priority >= 0 && reclaimed < target; priority--) {
                reclaimed += shrinkLruvec(machine, priority, target - reclaimed, force, skippedDeactivate);
            }
            if (reclaimed > 0 || !skippedDeactivate[0]) {
                break;
            }
        }
        return reclaimed;
    }

    /**
     * {@code shrink_lruvec}: how much of each list to scan ({@code get_scan_count}), then batches
     * of {@link #SWAP_CLUSTER_MAX} from each list in turn; afterwards the active anon list ages
     * if the inactive one is low.
     */
    private static int shrinkLruvec(Machine machine, int priority, int target, boolean force, boolean[] skipped) {
        PhysicalMemory memory = machine.memory;
        boolean anonOk = canReclaimAnon(machine);
        // prepare_scan_control: which active lists may age in this pass
        boolean deactivateAnon = force || inactiveIsLow(memory, PhysicalMemory.LRU_INACTIVE_ANON);
        boolean deactivateFile = force || inactiveIsLow(memory, PhysicalMemory.LRU_INACTIVE_FILE);
        long[] nr = scanCount(memory, priority, anonOk);
        int reclaimed = 0;
        while (nr[PhysicalMemory.LRU_INACTIVE_ANON] > 0 || nr[PhysicalMemory.LRU_ACTIVE_FILE] > 0
                || nr[PhysicalMemory.LRU_INACTIVE_FILE] > 0) {
            for (int list = 0; list < PhysicalMemory.NR_LRU_LISTS; list++) {
                int batch = (int) Math.min(nr[list], SWAP_CLUSTER_MAX);
                if (batch == 0) {
                    continue;
                }
                nr[list] -= batch;
                if (!PhysicalMemory.isActive(list)) {
                    reclaimed += shrinkInactiveList(machine, batch, list);
                } else if (list == PhysicalMemory.LRU_ACTIVE_ANON ? deactivateAnon : deactivateFile) {
                    shrinkActiveList(machine, batch, list);
                } else {
                    skipped[0] = true;
                }
            }
            // past DEF_PRIORITY direct reclaim stops once it has enough (the kernel first scans
            // the other type in proportion; the model stops at once)
            if (reclaimed >= target && priority != DEF_PRIORITY) {
                break;
            }
        }
        if (anonOk && inactiveIsLow(memory, PhysicalMemory.LRU_INACTIVE_ANON)) {
            shrinkActiveList(machine, SWAP_CLUSTER_MAX, PhysicalMemory.LRU_ACTIVE_ANON);
        }
        return reclaimed;
    }

    /**
     * {@code get_scan_count}: per list, {@code size >> priority}; anonymous lists only while swap
     * has a free slot ({@code can_reclaim_anon_pages}); at priority 0 every page of both types
     * ({@code SCAN_EQUAL}); anonymous lists alone when the file lists are empty (the model's
     * stand-in for {@code file_is_tiny}); else anon and file in the ratio swappiness to
     * {@code 200 - swappiness} ({@code SCAN_FRACT} with equal costs).
     */
    private static long[] scanCount(PhysicalMemory memory, int priority, boolean anonOk) {
        long[] nr = new long[PhysicalMemory.NR_LRU_LISTS];
        long fileSize = memory.lruSize(PhysicalMemory.LRU_INACTIVE_FILE) + memory.lruSize(PhysicalMemory.LRU_ACTIVE_FILE);
        for (int list = 0; list < PhysicalMemory.NR_LRU_LISTS; list++) {
            boolean anon = list == PhysicalMemory.LRU_INACTIVE_ANON || list == PhysicalMemory.LRU_ACTIVE_ANON;
            long scan = (long) memory.lruSize(list) >> priority;
            if (anon && !anonOk) {
                scan = 0;
            } else if (priority != 0 && anonOk && fileSize > 0) {
                scan = scan * (anon ? SWAPPINESS : 200 - SWAPPINESS) / 200;
            }
            nr[list] = scan;
        }
        return nr;
    }

    /** {@code can_reclaim_anon_pages}: a swap area has a free slot. */
    static boolean canReclaimAnon(Machine machine) {
        for (SwapArea area : machine.swap.areas()) {
            if (area != null && area.hasFreeSlot()) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code inactive_is_low}: the inactive list is smaller than the active one divided by the
     * ratio {@code int_sqrt(10 * GiB of both)} (1 below 1 GiB).
     */
    static boolean inactiveIsLow(PhysicalMemory memory, int inactiveList) {
        long inactive = memory.lruSize(inactiveList);
        long active = memory.lruSize(inactiveList + 1);
        long gb = (inactive + active) >> 18; // 2^18 pages of 4 KiB in a GiB
        long ratio = gb == 0 ? 1 : (long) Math.sqrt(10.0 * gb);
        return inactive * ratio < active;
    }

    /**
     * {@code shrink_active_list}: up to {@code batch} pages from the tail of an active list lose
     * the young bits of their PTEs ({@code folio_referenced}) and move, in their order, to the
     * head of the inactive list; a referenced page of an executable file mapping would stay
     * active, but the model's file lists hold only lazily freed anonymous pages.
     */
    static void shrinkActiveList(Machine machine, int batch, int activeList) {
        PhysicalMemory memory = machine.memory;
        for (int pfn : isolate(memory, activeList, batch)) {
            if (folioReferenced(machine, pfn) >= 0) { // a VM_LOCKED page stays (no unevictable list)
                memory.lruMove(pfn, activeList - 1);
            }
        }
    }

    /**
     * {@code shrink_inactive_list}: up to {@code batch} pages from the tail of an inactive list go
     * through {@link Pageout#shrinkFolio}; the rest go back, kept or activated. Returns the pages
     * reclaimed.
     */
    private static int shrinkInactiveList(Machine machine, int batch, int inactiveList) {
        PhysicalMemory memory = machine.memory;
        int reclaimed = 0;
        for (int pfn : isolate(memory, inactiveList, batch)) {
            if (!putback(memory, pfn, Pageout.shrinkFolio(machine, pfn, false))) {
                reclaimed++;
            }
        }
        return reclaimed;
    }

    /** {@code isolate_lru_folios}: up to {@code batch} pages from the tail of {@code list}, oldest first. */
    private static int[] isolate(PhysicalMemory memory, int list, int batch) {
        int[] pages = new int[Math.min(batch, memory.lruSize(list))];
        int pfn = memory.lruLast(list);
        for (int i = 0; i < pages.length; i++) {
            pages[i] = pfn;
            pfn = memory.lruPrev(pfn);
        }
        return pages;
    }

    /**
     * {@code move_folios_to_lru} after {@link Pageout#shrinkFolio}: a page still in use goes to the
     * head of the list its type (PG_swapbacked) and the outcome name, inactive unless activated;
     * a page reclaimed but still held (a pin; it stays in the swap cache) counts as kept
     * ({@code __remove_mapping} fails). Returns false for a page that was freed.
     */
    static boolean putback(PhysicalMemory memory, int pfn, Pageout.Outcome outcome) {
        if (memory.refcount(pfn) == 0) {
            return false;
        }
        int list = memory.test(pfn, PhysicalMemory.PG_SWAPBACKED)
                ? PhysicalMemory.LRU_INACTIVE_ANON : PhysicalMemory.LRU_INACTIVE_FILE;
        memory.lruMove(pfn, outcome == Pageout.Outcome.ACTIVATE ? list + 1 : list);
        return true;
    }

    /**
     * {@code folio_check_references}: the young PTEs of the page ({@code folio_referenced}) and
     * its PG_referenced, which is cleared, decide: no young PTE reclaims it; a young PTE sets
     * PG_referenced and keeps the page inactive for another round, or activates it if it was
     * referenced before or several PTEs were young. A page in a VM_LOCKED VMA is activated.
     */
    static Pageout.Outcome checkReferences(Machine machine, int pfn) {
        PhysicalMemory memory = machine.memory;
        int referencedPtes = folioReferenced(machine, pfn);
        boolean referencedFolio = memory.test(pfn, PhysicalMemory.PG_REFERENCED);
        memory.clear(pfn, PhysicalMemory.PG_REFERENCED);
        if (referencedPtes < 0) {
            return Pageout.Outcome.ACTIVATE;
        }
        if (referencedPtes > 0) {
            memory.set(pfn, PhysicalMemory.PG_REFERENCED);
            return referencedFolio || referencedPtes > 1 ? Pageout.Outcome.ACTIVATE : Pageout.Outcome.KEEP;
        }
        return Pageout.Outcome.RECLAIM;
    }

    /**
     * {@code folio_referenced}: clears the young bit of every PTE mapping the page
     * ({@code ptep_clear_flush_young}) and returns how many had it, or -1 when a mapping lies in a
     * VM_LOCKED VMA (the walk stops there).
     */
    static int folioReferenced(Machine machine, int pfn) {
        int young = 0;
        for (Rmap.Mapping mapping : Rmap.walk(machine.memory, pfn)) {
            if (mapping.vma().has(VmFlags.LOCKED)) {
                return -1;
            }
            long pte = mapping.mm().pte(mapping.address());
            if (PteLayout.isYoung(pte)) {
                mapping.mm().updatePte(mapping.address(), pte & ~PteLayout.ACCESSED);
                young++;
            }
        }
        return young;
    }

    /**
     * {@code folio_mark_accessed}: a page without PG_referenced gets it; an inactive referenced
     * page is activated and loses it; an active one keeps it. The kernel queues the activation
     * in a per-CPU batch; until that drains the page is on no list, and a further touch clears
     * PG_referenced again instead of keeping it. The model activates at once, as the kernel's
     * lists are after the drain that every reclaim, COLD and PAGEOUT starts with.
     */
    static void markAccessed(PhysicalMemory memory, int pfn) {
        int list = memory.lruList(pfn);
        if (!memory.test(pfn, PhysicalMemory.PG_REFERENCED)) {
            memory.set(pfn, PhysicalMemory.PG_REFERENCED);
        } else if (list != PhysicalMemory.LRU_NONE && !PhysicalMemory.isActive(list)) {
            memory.lruMove(pfn, list + 1);
            memory.clear(pfn, PhysicalMemory.PG_REFERENCED);
        }
    }

    /**
     * {@code folio_deactivate} ({@code lru_deactivate}, for MADV_COLD): an active page moves to
     * the head of its inactive list and loses PG_referenced; an inactive one stays where it is.
     */
    static void deactivate(PhysicalMemory memory, int pfn) {
        int list = memory.lruList(pfn);
        if (list != PhysicalMemory.LRU_NONE && PhysicalMemory.isActive(list)) {
            memory.lruMove(pfn, list - 1);
            memory.clear(pfn, PhysicalMemory.PG_REFERENCED);
        }
    }
}
