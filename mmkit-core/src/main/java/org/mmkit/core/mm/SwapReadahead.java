package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.HashSet;
import java.util.Set;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * VMA-based swap readahead ({@code swap_vma_readahead}, {@code mm/swap_state.c}), the kind this
 * machine uses (its swap is not rotational): a swap fault that misses the swap cache reads the
 * swap entries of a window of PTEs around it into the swap cache, without mapping them. The
 * window ({@code swap_vma_ra_win}, {@code __swapin_nr_pages}) grows with the readahead pages the
 * VMA's later faults found in the swap cache ({@code PG_readahead} hits) up to
 * {@code 1 << page-cluster} pages, and stays within the VMA and the faulting PTE table. On the
 * model's synchronous areas a slot only one entry points at is read directly, without readahead
 * ({@code SWP_SYNCHRONOUS_IO}), so readahead starts with slots fork shared. Call with the machine
 * lock held.
 */
final class SwapReadahead {
    /** {@code vm.page-cluster}: 3, the default; the window is at most {@code 1 << 3} pages. */
    static final int PAGE_CLUSTER = 3;
    private static final int MAX_WINDOW = 1 << PAGE_CLUSTER;
    /** {@code swap_readahead_info}'s packing: hits in bits 0-5, the window in bits 6-11, the address above. */
    private static final int WIN_SHIFT = PAGE_SHIFT / 2;
    private static final long HITS_MASK = (1L << WIN_SHIFT) - 1;
    private static final long WIN_MASK = ~PAGE_MASK & ~HITS_MASK;
    /** {@code GET_SWAP_RA_VAL}: a VMA with no swap fault yet counts 4 hits, to start with a small window. */
    private static final long INITIAL = 4;

    /** Frames read ahead whose readahead no fault has found yet ({@code PG_readahead}). */
    private final Set<Integer> readahead = new HashSet<>();

    /**
     * {@code swap_cache_get_folio}'s readahead accounting: a fault found {@code pfn} in the swap
     * cache; a page read ahead counts one hit for the VMA, whose info moves to {@code addr}.
     */
    void hit(Vma vma, long addr, int pfn) {
        long info = info(vma);
        long hits = info & HITS_MASK;
        if (readahead.remove(pfn)) {
            hits = Math.min(hits + 1, HITS_MASK);
        }
        vma.swapReadahead = pack(addr, window(info), hits);
    }

    /** The frame left the swap cache or was freed: it is no readahead page any more. */
    void forget(int pfn) {
        readahead.remove(pfn);
    }

    /**
     * {@code swap_vma_readahead}: reads the swap entries of the window around {@code addr} that the
     * swap cache does not hold into it (each a new page that joins the swap cache and is marked
     * as read ahead, except the one at {@code addr}), then returns the folio of {@code entry}
     * with a reference for the caller, or -1 when no frame is left for it.
     */
    int swapin(Mm mm, Vma vma, long addr, long entry) {
        long va = addr & PAGE_MASK;
        long info = info(vma);
        long prev = (info & PAGE_MASK) >>> PAGE_SHIFT;
        long fault = va >>> PAGE_SHIFT;
        int win = nrPages(prev, fault, (int) (info & HITS_MASK), window(info));
        vma.swapReadahead = pack(va, win, 0);
        if (win > 1) {
            long left;
            if (fault == prev + 1) {
                left = fault;
            } else if (prev == fault + 1) {
                left = fault - win + 1;
            } else {
                left = fault - (win - 1) / 2;
            }
            long tableStart = (va & -PMD_SIZE) >>> PAGE_SHIFT;
            long start = Math.max(Math.max(left, vma.start >>> PAGE_SHIFT), tableStart);
            long end = Math.min(Math.min(left + win, vma.end >>> PAGE_SHIFT), tableStart + PageTables.ENTRIES);
            for (long page = start; page < end; page++) {
                long at = page << PAGE_SHIFT;
                long pte = mm.pte(at);
                if (Mm.isSwapEntry(pte) && readIntoCache(mm, vma, at, pte) > 0 && at != va) {
                    readahead.add(mm.machine.swap.lookup(pte));
                }
            }
        }
        int pfn = mm.machine.swap.lookup(entry);
        if (pfn == 0 && readIntoCache(mm, vma, va, entry) < 0) {
            return -1;
        }
        pfn = mm.machine.swap.lookup(entry);
        mm.memory.get(pfn);
        return pfn;
    }

    /**
     * {@code __read_swap_cache_async} + {@code swap_read_folio}: a new page with the slot's
     * contents joins the swap cache. Such a page may be shared among the processes of a fork, so
     * it points at the root of the VMA's anon_vma tree. Returns 1 when it read one, 0 when the
     * swap cache had the slot already, -1 when no frame was left.
     */
    static int readIntoCache(Mm mm, Vma vma, long va, long entry) {
        Swap swap = mm.machine.swap;
        if (swap.lookup(entry) != 0) {
            return 0;
        }
        int pfn = mm.machine.allocatePage(Gfp.HIGHUSER_MOVABLE);
        if (pfn < 0) {
            return -1;
        }
        PhysicalMemory memory = mm.memory;
        memory.set(pfn, PhysicalMemory.PG_ANON | PhysicalMemory.PG_SWAPBACKED);
        memory.setOwner(pfn, mm.anonVma(vma).root(), vma.pageIndex(va));
        swap.area(entry).read(SwapEntryLayout.offset(entry), memory.contents(pfn));
        swap.addToCache(entry, pfn);
        memory.put(pfn); // the swap cache holds it now
        memory.lruAddIfAbsent(pfn);
        return 1;
    }

    /** {@code __swapin_nr_pages}: the window for a fault at page {@code fault} after one at {@code prev}. */
    private static int nrPages(long prev, long fault, int hits, int prevWin) {
        int pages = hits + 2;
        if (pages == 2) {
            if (fault != prev + 1 && fault != prev - 1) {
                pages = 1;
            }
        } else {
            int roundup = 4;
            while (roundup < pages) {
                roundup <<= 1;
            }
            pages = roundup;
        }
        return Math.max(Math.min(pages, MAX_WINDOW), prevWin / 2);
    }

    private static long info(Vma vma) {
        return vma.swapReadahead != 0 ? vma.swapReadahead : INITIAL;
    }

    private static int window(long info) {
        return (int) ((info & WIN_MASK) >>> WIN_SHIFT);
    }

    private static long pack(long addr, long win, long hits) {
        return (addr & PAGE_MASK) | ((win << WIN_SHIFT) & WIN_MASK) | (hits & HITS_MASK);
    }
}
