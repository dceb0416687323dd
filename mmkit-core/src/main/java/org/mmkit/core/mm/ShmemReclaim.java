package org.mmkit.core.mm;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;
import org.mmkit.core.pgtable.PteLayout;

/**
 * The reclaim of one shmem page ({@code shrink_folio_list} for a swap-backed page-cache folio):
 * {@code try_to_unmap} of every PTE mapping it, then a clean page leaves the page cache and is
 * freed (the file reads a hole as zeros), and a dirty one goes to swap ({@link ShmemFile#writeout})
 * and is freed once written, unless someone else still holds it. Used by MADV_PAGEOUT
 * ({@link Pageout}) and by reclaim under memory pressure. Call with the machine lock held.
 */
final class ShmemReclaim {
    private ShmemReclaim() {
    }

    /**
     * Reclaims the shmem page {@code pfn}; returns whether its frame was freed. A page that
     * another holder keeps (a pin: {@code is_page_cache_freeable}) or that cannot go to swap stays
     * in the page cache, unmapped; so does a page already in the swap cache.
     */
    static boolean reclaim(PhysicalMemory memory, Swap swap, int pfn) {
        if (!(memory.owner(pfn) instanceof ShmemFile file)) {
            throw new IllegalStateException("frame " + pfn + " is not a shmem page");
        }
        long index = memory.index(pfn);
        tryToUnmap(memory, pfn);
        if (memory.refcount(pfn) != 1) {
            return false;
        }
        if (!memory.test(pfn, PhysicalMemory.PG_DIRTY)) {
            // __remove_mapping of a clean page: shmem keeps no shadow entry, the slot is a hole
            file.pageCache.store(index, 0);
            memory.setOwner(pfn, null, 0);
            memory.put(pfn);
            return true;
        }
        if (!file.writeout(pfn, index)) {
            return false;
        }
        if (memory.refcount(pfn) == 1) {
            swap.deleteFromCache(pfn); // __remove_mapping from the swap cache frees the page
            return true;
        }
        return false;
    }

    /**
     * {@code try_to_unmap} of a page-cache page: every PTE mapping it is cleared (its dirty bit
     * goes to the page); where the VMA is registered for userfaultfd WP, a write-protected PTE
     * leaves a uffd-wp marker ({@code pte_install_uffd_wp_if_needed}), since the page table is
     * all that remembers the protection once the page is gone.
     */
    static void tryToUnmap(PhysicalMemory memory, int pfn) {
        for (Rmap.Mapping mapping : Rmap.walk(memory, pfn)) {
            Mm mm = mapping.mm();
            int table = mm.pageTables.pteTableId(mapping.address());
            int index = PageTables.pteIndex(mapping.address());
            long pte = mm.pageTables.entry(table, index);
            mm.zapEntry(table, index, pte);
            UffdWriteProtect.afterZap(mm, mapping.vma(), table, index, pte);
        }
    }
}
