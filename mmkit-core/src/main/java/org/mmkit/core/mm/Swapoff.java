package org.mmkit.core.mm;

import java.util.ArrayList;
import java.util.List;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * {@code swapoff(2)} of one area ({@code mm/swapfile.c}): {@code try_to_unuse} brings every page
 * out there back into memory — the shmem files' pages into their page caches
 * ({@code shmem_unuse}), then every swap entry of every process into its PTE ({@code unuse_mm})
 * — frees what the swap cache still holds of the area, and the area goes. Call with the machine
 * lock held.
 */
final class Swapoff {
    private Swapoff() {
    }

    /**
     * Switches off the area of {@code type}. EINVAL when no area has that type; ENOMEM when a page
     * finds no frame: the area stays on, and the pages brought back so far stay in memory
     * ({@code reinsert_swap_info}).
     */
    static void swapoff(Machine machine, int type) {
        Swap swap = machine.swap;
        SwapArea area = swap.areaOfType(type);
        if (area == null) {
            throw Errno.EINVAL.exception();
        }
        area.writeOk = false; // del_from_avail_list: reclaim meanwhile uses the other areas only
        try {
            unuse(machine, swap, area, type);
        } catch (RuntimeException e) {
            area.writeOk = true; // reinsert_swap_info
            throw e;
        }
        swap.remove(area);
    }

    /** {@code try_to_unuse}: every page out in the area back in memory, and its swap cache emptied. */
    private static void unuse(Machine machine, Swap swap, SwapArea area, int type) {
        for (ShmemFile file : List.copyOf(swap.shmemSwapList)) {
            unuseShmem(swap, file, type);
        }
        for (Task task : machine.tasks) {
            if (task.mm != null) {
                unuseMm(task.mm, type);
            }
        }
        for (long offset = 1; offset < area.slots; offset++) {
            int pfn = area.cachedPfn(offset);
            if (pfn != 0) {
                swap.freeSwap(pfn); // find_next_to_unuse: folio_free_swap
            }
        }
    }

    /** {@code shmem_unuse_inode}: every page of the file out in the area comes back into its page cache. */
    private static void unuseShmem(Swap swap, ShmemFile file, int type) {
        List<Long> indices = new ArrayList<>();
        file.pageCache.forEach(0, Long.MAX_VALUE, (index, entry) -> {
            if (PageCache.isValue(entry) && SwapEntryLayout.type(PageCache.value(entry)) == type) {
                indices.add(index);
            }
        });
        for (long index : indices) {
            if (!file.swapIn(index)) {
                throw Errno.ENOMEM.exception();
            }
        }
        if (file.swappedPages(0, Long.MAX_VALUE) == 0) {
            swap.shmemSwapList.remove(file);
        }
    }

    /** {@code unuse_mm}: every VMA's swap entries of the area, in address order. */
    private static void unuseMm(Mm mm, int type) {
        for (var entry : mm.vmas.entries()) {
            Vma vma = entry.value();
            List<Long> addresses = new ArrayList<>();
            PageWalk.walk(mm.pageTables, vma.start, vma.end, (va, pte, table, index) -> {
                if (Mm.isSwapEntry(pte) && SwapEntryLayout.type(pte) == type) {
                    addresses.add(va);
                }
            });
            for (long va : addresses) {
                long pte = mm.pte(va); // an allocation's reclaim runs in between, but leaves entries of this area alone
                if (Mm.isSwapEntry(pte) && SwapEntryLayout.type(pte) == type) {
                    unusePte(mm, vma, va, pte);
                }
            }
        }
    }

    /**
     * {@code unuse_pte_range} + {@code unuse_pte}: the entry's page comes from the swap cache, or
     * is read into it ({@code swapin_readahead} always goes through the swap cache); the PTE maps
     * it old and with the VMA's protection, so a write to a private page goes through
     * {@code do_wp_page}; it keeps the entry's soft-dirty and uffd-wp bits, and the exclusive bit
     * makes the page exclusive. The slot's count drops, and the swap cache lets the page go once
     * no entry needs the slot ({@code folio_free_swap}).
     */
    private static void unusePte(Mm mm, Vma vma, long va, long pte) {
        Swap swap = mm.machine.swap;
        PhysicalMemory memory = mm.memory;
        SwapArea area = swap.area(pte);
        long offset = SwapEntryLayout.offset(pte);
        if (SwapReadahead.readIntoCache(mm, vma, va, pte) < 0) {
            throw Errno.ENOMEM.exception();
        }
        int pfn = swap.lookup(pte);
        memory.get(pfn);
        long mapped = PteLayout.make(pfn, Fault.pageProt(vma.flags)) & ~PteLayout.ACCESSED;
        if ((pte & SwapEntryLayout.SOFT_DIRTY) != 0) {
            mapped |= PteLayout.SOFT_DIRTY;
        }
        if ((pte & SwapEntryLayout.UFFD_WP) != 0) {
            mapped |= PteLayout.UFFD_WP;
        }
        if ((pte & SwapEntryLayout.EXCLUSIVE) != 0) {
            memory.set(pfn, PhysicalMemory.PG_ANON_EXCLUSIVE);
        }
        mm.swapEntries--;
        mm.updatePte(va, 0);
        mm.mapPage(va, pfn, mapped);
        area.put(offset); // swap_free
        memory.put(pfn);
        swap.freeSwap(pfn);
    }
}
