package org.mmkit.core.mm;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * MADV_COLD and MADV_PAGEOUT of a range ({@code madvise_cold_or_pageout_pte_range}) and the
 * reclaim of the pages PAGEOUT picks ({@code reclaim_pages}, {@code shrink_folio_list}):
 * anonymous pages here, shmem pages (memfd, tmpfs, shared anonymous memory, and the page-cache
 * pages a private mapping of them reads) by {@link ShmemReclaim}. LRU aging and reclaim under
 * memory pressure are not modelled yet.
 */
final class Pageout {
    private Pageout() {
    }

    /**
     * Every present page of [start, end) in {@code vma} that only this PTE maps (pages mapped
     * more than once are skipped, as are special ones) loses its young bit and PG_referenced; with
     * {@code pageout}, it is then reclaimed.
     */
    static void coldOrPageout(Mm mm, Vma vma, long start, long end, boolean pageout) {
        PhysicalMemory memory = mm.memory;
        PageWalk.walk(mm.pageTables, start, end, (va, pte, table, index) -> {
            if (!PteLayout.isPresent(pte) || PteLayout.isSpecial(pte)) {
                return;
            }
            int pfn = (int) PteLayout.pfn(pte);
            if (memory.mapcount(pfn) != 1 || memory.lruList(pfn) == PhysicalMemory.LRU_NONE) {
                return;
            }
            long old = pte & ~PteLayout.ACCESSED;
            mm.updatePte(table, index, pte, old);
            memory.clear(pfn, PhysicalMemory.PG_REFERENCED);
            if (pageout && memory.test(pfn, PhysicalMemory.PG_ANON)) {
                reclaimAnon(mm, table, index, old);
            } else if (pageout) {
                ShmemReclaim.reclaim(memory, mm.machine.swap, pfn);
            }
        });
    }

    /**
     * {@code shrink_folio_list} for an anonymous page mapped by one PTE: {@code add_to_swap} (a
     * page already in the swap cache keeps its slot), {@code try_to_unmap} (the PTE becomes a swap
     * entry carrying exclusive, soft-dirty and uffd-wp), {@code pageout} of a dirty page, and
     * {@code __remove_mapping}, which frees the page unless someone else still holds it (a pin):
     * then it stays in the swap cache. With every swap area full the page stays mapped.
     */
    private static void reclaimAnon(Mm mm, int table, int index, long pte) {
        PhysicalMemory memory = mm.memory;
        Swap swap = mm.machine.swap;
        int pfn = (int) PteLayout.pfn(pte);
        boolean dirty = PteLayout.isDirty(pte) || memory.test(pfn, PhysicalMemory.PG_DIRTY);
        if (!swap.inCache(pfn)) {
            if (swap.addToSwap(pfn) < 0) {
                return;
            }
            dirty = true; // add_to_swap dirties the folio: the slot holds nothing yet
        }
        long entry = swap.entryOf(pfn);
        SwapArea area = swap.area(entry);
        long offset = SwapEntryLayout.offset(entry);
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
        if (dirty) {
            area.write(offset, memory.contents(pfn));
            memory.clear(pfn, PhysicalMemory.PG_DIRTY);
        }
        if (memory.refcount(pfn) == 1) {
            swap.deleteFromCache(pfn);
        }
    }
}
