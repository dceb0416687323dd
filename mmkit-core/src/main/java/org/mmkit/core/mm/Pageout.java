package org.mmkit.core.mm;

import java.util.Arrays;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * MADV_COLD and MADV_PAGEOUT of a range ({@code madvise_cold_or_pageout_pte_range},
 * {@code reclaim_pages}) and the reclaim of one folio that both PAGEOUT and reclaim under memory
 * pressure ({@link Vmscan}) decide on ({@code shrink_folio_list}): an anonymous page goes to swap
 * through the anon rmap walk, a lazily freed one (MADV_FREE) is dropped if still clean, a shmem
 * page (memfd, tmpfs, shared anonymous memory, and the page-cache pages a private mapping of
 * them reads) is reclaimed by {@link ShmemReclaim}.
 */
final class Pageout {
    private Pageout() {
    }

    /** What {@link #shrinkFolio} did with a folio ({@code shrink_folio_list}'s exits). */
    enum Outcome {
        /** Reclaimed: unmapped and freed, or left to another holder (a pin) in the swap cache. */
        RECLAIM,
        /** {@code keep}: back to the head of its inactive list. */
        KEEP,
        /** {@code activate_locked}: back to the head of its active list. */
        ACTIVATE
    }

    /**
     * Every present page of [start, end) in {@code vma} that only this PTE maps (pages mapped
     * more than once are skipped, as are special ones) loses its young bit and PG_referenced.
     * COLD then deactivates it ({@code folio_deactivate}: an active page moves to the head of
     * its inactive list); PAGEOUT reclaims the pages it collected once the walk is done
     * ({@code reclaim_pages}, in address order). Without {@code filePages} (see
     * {@link OpenCalls#ownsOrMayWrite}) PAGEOUT passes over pages that are not anonymous, untouched.
     */
    static void coldOrPageout(Mm mm, Vma vma, long start, long end, boolean pageout, boolean filePages) {
        PhysicalMemory memory = mm.memory;
        Isolated isolated = new Isolated();
        PageWalk.walk(mm.pageTables, start, end, (va, pte, table, index) -> {
            if (!PteLayout.isPresent(pte) || PteLayout.isSpecial(pte)) {
                return;
            }
            int pfn = (int) PteLayout.pfn(pte);
            if (memory.mapcount(pfn) != 1 || memory.lruList(pfn) == PhysicalMemory.LRU_NONE) {
                return;
            }
            if (!filePages && !memory.test(pfn, PhysicalMemory.PG_ANON)) {
                return; // pageout_anon_only_filter
            }
            mm.updatePte(table, index, pte, pte & ~PteLayout.ACCESSED);
            memory.clear(pfn, PhysicalMemory.PG_REFERENCED);
            if (!pageout) {
                Vmscan.deactivate(memory, pfn);
            } else {
                isolated.add(pfn);
            }
        });
        for (int i = 0; i < isolated.count; i++) {
            int pfn = isolated.pfns[i];
            // reclaim_pages clears PG_active first: a page it cannot reclaim goes back inactive
            Vmscan.putback(memory, pfn, shrinkFolio(mm.machine, pfn, true));
        }
    }

    /** The pages PAGEOUT isolated, in address order; unboxed, so that a page paged out allocates nothing here. */
    private static final class Isolated {
        int[] pfns = new int[64];
        int count;

        void add(int pfn) {
            if (count == pfns.length) {
                pfns = Arrays.copyOf(pfns, count * 2);
            }
            pfns[count++] = pfn;
        }
    }

    /**
     * {@code shrink_folio_list} for one folio on an LRU list: unless {@code ignoreReferences}
     * (PAGEOUT), {@code folio_check_references} decides first; then an anonymous page is
     * reclaimed by {@link #reclaimAnon}, a shmem page by {@link ShmemReclaim}. A page in a
     * VM_LOCKED VMA is activated (the model has no unevictable list).
     */
    static Outcome shrinkFolio(Machine machine, int pfn, boolean ignoreReferences) {
        PhysicalMemory memory = machine.memory;
        if (!ignoreReferences) {
            Outcome referenced = Vmscan.checkReferences(machine, pfn);
            if (referenced != Outcome.RECLAIM) {
                return referenced;
            }
        }
        if (!memory.test(pfn, PhysicalMemory.PG_ANON)) {
            // a shmem page that could not go to swap stays unmapped in the page cache; without
            // a free slot shmem_writeout asks for activation (AOP_WRITEPAGE_ACTIVATE)
            if (ShmemReclaim.reclaim(memory, machine.swap, pfn)) {
                return Outcome.RECLAIM;
            }
            return Vmscan.canReclaimAnon(machine) ? Outcome.KEEP : Outcome.ACTIVATE;
        }
        return reclaimAnon(machine, pfn);
    }

    /**
     * {@code shrink_folio_list} for an anonymous page. A lazily freed one ({@code !PG_swapbacked})
     * is unmapped and freed unless it was written since MADV_FREE (a dirty PTE or folio): then it
     * becomes swap-backed again and active. Any other gets a slot ({@code add_to_swap}; a page
     * in the swap cache keeps its slot; with every area full it is activated), every PTE mapping
     * it in every process becomes a swap entry ({@code try_to_unmap}), a dirty page is written
     * ({@code pageout}), and {@code __remove_mapping} frees it unless someone else still holds it
     * (a pin): then it stays in the swap cache.
     */
    private static Outcome reclaimAnon(Machine machine, int pfn) {
        PhysicalMemory memory = machine.memory;
        Swap swap = machine.swap;
        if (!memory.test(pfn, PhysicalMemory.PG_SWAPBACKED)) {
            return discardLazyFree(machine, pfn);
        }
        boolean dirty = memory.test(pfn, PhysicalMemory.PG_DIRTY);
        if (!swap.inCache(pfn)) {
            if (swap.addToSwap(pfn) < 0) {
                return Outcome.ACTIVATE;
            }
            dirty = true; // add_to_swap dirties the folio: the slot holds nothing yet
        }
        long entry = swap.entryOf(pfn);
        SwapArea area = swap.area(entry);
        long offset = SwapEntryLayout.offset(entry);
        for (Rmap.Mapping mapping : Rmap.walk(memory, pfn)) {
            dirty |= unmapToSwap(mapping, pfn, entry, area, offset);
        }
        if (dirty) {
            area.write(offset, memory.contents(pfn));
            memory.clear(pfn, PhysicalMemory.PG_DIRTY);
        }
        if (memory.refcount(pfn) == 1) {
            swap.deleteFromCache(pfn);
        }
        return Outcome.RECLAIM;
    }

    /**
     * {@code try_to_unmap_one} for one PTE of a page going to swap: the PTE becomes a swap entry
     * carrying exclusive (from PageAnonExclusive), soft-dirty and uffd-wp; the slot count rises.
     * Returns whether the PTE was dirty.
     */
    private static boolean unmapToSwap(Rmap.Mapping mapping, int pfn, long entry, SwapArea area, long offset) {
        Mm mm = mapping.mm();
        PhysicalMemory memory = mm.memory;
        int table = mm.pageTables.pteTableId(mapping.address());
        int index = PageTables.pteIndex(mapping.address());
        long pte = mm.pageTables.entry(table, index);
        long swapPte = entry;
        if (memory.test(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE)) {
            swapPte |= SwapEntryLayout.EXCLUSIVE;
        }
        if (PteLayout.isSoftDirty(pte)) {
            swapPte |= SwapEntryLayout.SOFT_DIRTY;
        }
        if (PteLayout.isUffdWp(pte)) {
            swapPte |= SwapEntryLayout.UFFD_WP;
        }
        area.duplicate(offset);
        memory.clear(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
        mm.swapOutEntry(table, index, pte, swapPte);
        return PteLayout.isDirty(pte);
    }

    /**
     * {@code try_to_unmap_one}'s MADV_FREE branch, mapping by mapping: a dirty PTE or folio, or a
     * reference besides the mappings, stops the walk with that PTE kept (a dirty page becomes
     * swap-backed again, and moves to the anonymous list when put back); every other PTE is
     * cleared. Unmapped and clean, the page is freed ({@code PGLAZYFREED}). A page of a
     * VM_DROPPABLE VMA (never swap-backed) is dropped dirty too.
     */
    private static Outcome discardLazyFree(Machine machine, int pfn) {
        PhysicalMemory memory = machine.memory;
        for (Rmap.Mapping mapping : Rmap.walk(memory, pfn)) {
            Mm mm = mapping.mm();
            int table = mm.pageTables.pteTableId(mapping.address());
            int index = PageTables.pteIndex(mapping.address());
            long pte = mm.pageTables.entry(table, index);
            boolean droppable = mapping.vma().has(VmFlags.DROPPABLE);
            if ((PteLayout.isDirty(pte) || memory.test(pfn, PhysicalMemory.PG_DIRTY)) && !droppable) {
                memory.set(pfn, PhysicalMemory.PG_DIRTY | PhysicalMemory.PG_SWAPBACKED);
                return Outcome.ACTIVATE;
            }
            if (memory.refcount(pfn) != memory.mapcount(pfn)) {
                return Outcome.ACTIVATE;
            }
            mm.zapEntry(table, index, pte);
        }
        return Outcome.RECLAIM;
    }
}
