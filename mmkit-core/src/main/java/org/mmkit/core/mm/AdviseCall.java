package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;

/** {@code madvise} ({@code mm/madvise.c}). */
final class AdviseCall {
    private AdviseCall() {
    }

    /** madvise by {@code caller} (whose credentials PAGEOUT of file pages checks) on {@code mm}. */
    static void madvise(Task caller, Mm mm, long start, long len, int advice) {
        if (!valid(advice)) {
            throw Errno.EINVAL.exception();
        }
        long end = MmapCall.rangeEnd(start, len);
        if (end == start) {
            return;
        }
        if (advice == MADV_POPULATE_READ || advice == MADV_POPULATE_WRITE) {
            Gup.faultinRange(mm, start, end, advice == MADV_POPULATE_WRITE);
            return;
        }
        walk(mm, start, end, (vma, from, to) -> apply(caller, mm, vma, from, to, advice));
    }

    private static boolean valid(int advice) {
        return switch (advice) {
            case MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED, MADV_DONTNEED, MADV_FREE,
                 MADV_REMOVE, MADV_DONTFORK, MADV_DOFORK, MADV_MERGEABLE, MADV_UNMERGEABLE,
                 MADV_HUGEPAGE, MADV_NOHUGEPAGE, MADV_DONTDUMP, MADV_DODUMP, MADV_WIPEONFORK,
                 MADV_KEEPONFORK, MADV_COLD, MADV_PAGEOUT, MADV_POPULATE_READ, MADV_POPULATE_WRITE,
                 MADV_DONTNEED_LOCKED, MADV_GUARD_INSTALL, MADV_GUARD_REMOVE -> true;
            default -> false;
        };
    }

    /**
     * {@code madvise_walk_vmas}: {@code part} runs on every VMA part in [start, end); holes are
     * skipped and reported as ENOMEM once the rest is done, while an error of a part stops the walk.
     */
    static void walk(Mm mm, long start, long end, Mm.VmaPart part) {
        boolean hole = false;
        Vma vma = mm.findVma(start);
        while (true) {
            if (vma == null) {
                throw Errno.ENOMEM.exception();
            }
            if (start < vma.start) {
                hole = true;
                start = vma.start;
                if (Long.compareUnsigned(start, end) >= 0) {
                    break;
                }
            }
            long to = MmapCall.minAddress(vma.end, end);
            part.apply(vma, start, to);
            start = to;
            if (Long.compareUnsigned(start, end) >= 0) {
                break;
            }
            vma = mm.findVma(start);
        }
        if (hole) {
            throw Errno.ENOMEM.exception();
        }
    }

    /** {@code madvise_vma_behavior} on [start, end) of one VMA. */
    private static void apply(Task caller, Mm mm, Vma vma, long start, long end, int advice) {
        MsealCall.checkMadvise(vma, advice);
        long flags = vma.flags;
        switch (advice) {
            case MADV_DONTNEED, MADV_DONTNEED_LOCKED -> {
                checkDontneedFree(vma, advice);
                if (UffdEvents.remove(mm, vma, start, end)) {
                    vma = lookupAfterRemove(mm, start, advice);
                    end = Math.min(end, vma.end);
                }
                mm.zapVmaRange(vma, start, end, end - start >= PMD_SIZE);
                return;
            }
            case MADV_FREE -> {
                checkDontneedFree(vma, advice);
                if (UffdEvents.remove(mm, vma, start, end)) {
                    vma = lookupAfterRemove(mm, start, advice);
                    end = Math.min(end, vma.end);
                }
                if (!vma.isAnonymous() || vma.has(VmFlags.SHARED)) {
                    throw Errno.EINVAL.exception();
                }
                lazyFree(mm, start, end);
                return;
            }
            case MADV_REMOVE -> {
                if (vma.has(VmFlags.LOCKED) || vma.file == null) {
                    throw Errno.EINVAL.exception();
                }
                if ((flags & (VmFlags.SHARED | VmFlags.MAYWRITE)) != (VmFlags.SHARED | VmFlags.MAYWRITE)) {
                    throw Errno.EACCES.exception();
                }
                UffdEvents.remove(mm, vma, start, end); // the file and offset stay as they were
                FileCalls.punchHole(vma.file, vma.pageIndex(start) << PAGE_SHIFT, end - start);
                return;
            }
            case MADV_WILLNEED -> {
                return;
            }
            case MADV_GUARD_INSTALL -> {
                guardInstall(mm, vma, start, end);
                return;
            }
            case MADV_GUARD_REMOVE -> {
                if ((flags & (VmFlags.SPECIAL | VmFlags.HUGETLB)) != 0) {
                    throw Errno.EINVAL.exception();
                }
                guardRemove(mm, start, end);
                return;
            }
            case MADV_COLD, MADV_PAGEOUT -> {
                if ((flags & (VmFlags.LOCKED | VmFlags.PFNMAP | VmFlags.HUGETLB)) != 0) {
                    throw Errno.EINVAL.exception();
                }
                boolean pageout = advice == MADV_PAGEOUT;
                boolean filePages = !pageout || OpenCalls.ownsOrMayWrite(caller, vma); // can_do_file_pageout
                if (!filePages && vma.has(VmFlags.MAYSHARE)) {
                    return; // madvise_pageout: a shared mapping of a file the caller may not write
                }
                Pageout.coldOrPageout(mm, vma, start, end, pageout, filePages);
                return;
            }
            case MADV_NORMAL -> flags &= ~(VmFlags.SEQ_READ | VmFlags.RAND_READ);
            case MADV_SEQUENTIAL -> flags = (flags & ~VmFlags.RAND_READ) | VmFlags.SEQ_READ;
            case MADV_RANDOM -> flags = (flags & ~VmFlags.SEQ_READ) | VmFlags.RAND_READ;
            case MADV_DONTFORK -> flags |= VmFlags.DONTCOPY;
            case MADV_DOFORK -> {
                if (vma.has(VmFlags.IO)) {
                    throw Errno.EINVAL.exception();
                }
                flags &= ~VmFlags.DONTCOPY;
            }
            case MADV_WIPEONFORK -> {
                if (vma.file != null || vma.has(VmFlags.SHARED)) {
                    throw Errno.EINVAL.exception();
                }
                flags |= VmFlags.WIPEONFORK;
            }
            case MADV_KEEPONFORK -> {
                if (vma.has(VmFlags.DROPPABLE)) {
                    throw Errno.EINVAL.exception();
                }
                flags &= ~VmFlags.WIPEONFORK;
            }
            case MADV_DONTDUMP -> flags |= VmFlags.DONTDUMP;
            case MADV_DODUMP -> {
                // a droppable VMA must stay out of core dumps
                if ((flags & (VmFlags.SPECIAL | VmFlags.DROPPABLE)) != 0) {
                    throw Errno.EINVAL.exception();
                }
                flags &= ~VmFlags.DONTDUMP;
            }
            case MADV_HUGEPAGE -> flags = (flags & ~VmFlags.NOHUGEPAGE) | VmFlags.HUGEPAGE;
            case MADV_NOHUGEPAGE -> flags = (flags & ~VmFlags.HUGEPAGE) | VmFlags.NOHUGEPAGE;
            case MADV_MERGEABLE -> {
                // ksm_compatible: KSM ignores the advice on these
                long ignored = VmFlags.MERGEABLE | VmFlags.SHARED | VmFlags.MAYSHARE | VmFlags.SPECIAL | VmFlags.HUGETLB
                        | VmFlags.DROPPABLE;
                if ((flags & ignored) == 0) {
                    flags |= VmFlags.MERGEABLE;
                }
            }
            case MADV_UNMERGEABLE -> flags &= ~VmFlags.MERGEABLE;
            default -> throw new IllegalArgumentException("advice " + advice);
        }
        mm.modify(vma, start, end, flags);
    }

    /**
     * {@code madvise_dontneed_free} after userfaultfd's REMOVE event released the lock: the VMA
     * at {@code start} is looked up again (ENOMEM if gone) and checked again; the caller clips
     * the range to it.
     */
    private static Vma lookupAfterRemove(Mm mm, long start, int advice) {
        Vma vma = mm.vmaAt(start);
        if (vma == null) {
            throw Errno.ENOMEM.exception();
        }
        checkDontneedFree(vma, advice);
        return vma;
    }

    /**
     * {@code madvise_dontneed_free_valid_vma}: PFN maps refuse DONTNEED and FREE, and so do
     * mlocked VMAs except for MADV_DONTNEED_LOCKED.
     */
    private static void checkDontneedFree(Vma vma, int advice) {
        long forbidden = VmFlags.PFNMAP | (advice == MADV_DONTNEED_LOCKED ? 0 : VmFlags.LOCKED);
        if ((vma.flags & forbidden) != 0) {
            throw Errno.EINVAL.exception();
        }
    }

    /**
     * {@code madvise_guard_install}: refused on special, hugetlb and mlocked VMAs. The whole VMA is
     * flagged {@code VM_MAYBE_GUARD} ("gu"), without a split, and fork copies its page tables for
     * that flag. Only an anonymous VMA also gets an anon_vma: a file VMA (shared or private) stays
     * without one, so it still merges with a neighbour that has none. Whatever the range maps is
     * zapped (guards stay) and every entry becomes a guard marker.
     */
    private static void guardInstall(Mm mm, Vma vma, long start, long end) {
        if ((vma.flags & (VmFlags.SPECIAL | VmFlags.HUGETLB | VmFlags.LOCKED)) != 0) {
            throw Errno.EINVAL.exception();
        }
        if (vma.isAnonymous()) {
            mm.anonVma(vma);
        }
        vma.flags |= VmFlags.MAYBE_GUARD;
        mm.zapRange(start, end, false, false);
        long guard = PteMarkerLayout.make(PteMarkerLayout.GUARD);
        PageWalk.install(mm.pageTables, start, end, (va, pte, table, index) -> mm.updatePte(table, index, pte, guard));
    }

    /** {@code madvise_guard_remove}: clears the guard markers of the range and leaves every other entry alone. */
    private static void guardRemove(Mm mm, long start, long end) {
        PageWalk.walk(mm.pageTables, start, end, (va, pte, table, index) -> {
            if (PteMarkerLayout.isGuard(pte)) {
                mm.updatePte(table, index, pte, 0);
            }
        });
    }

    /**
     * {@code madvise_free_pte_range}: the PTEs become clean and old, even for pages another process
     * still maps; a dirty folio, or one in the swap cache, is passed over unless this mapping is
     * its only one, and one in the swap cache also unless no swap entry needs its slot any more
     * ({@code folio_free_swap}); such a folio leaves the swap cache and is cleaned. Anonymous
     * pages become lazily freeable, no longer swap-backed ({@code folio_mark_lazyfree}), until
     * written again.
     * Of the entries that map nothing, swap entries are dropped with their data
     * ({@code free_swap_and_cache_nr}) and poison markers cleared; guard and uffd-wp markers stay.
     */
    private static void lazyFree(Mm mm, long start, long end) {
        PhysicalMemory memory = mm.memory;
        PageWalk.walk(mm.pageTables, start, end, (va, pte, table, index) -> {
            if (Mm.isSwapOrPoison(pte)) {
                mm.zapEntry(table, index, pte); // clear_not_present_full_ptes
                return;
            }
            if (!PteLayout.isPresent(pte) || PteLayout.isSpecial(pte)) {
                return;
            }
            int pfn = (int) PteLayout.pfn(pte);
            Swap swap = mm.machine.swap;
            if (memory.test(pfn, PhysicalMemory.PG_DIRTY) || swap.inCache(pfn)) {
                if (memory.mapcount(pfn) != 1 || (swap.inCache(pfn) && !swap.freeSwap(pfn))) {
                    return;
                }
                memory.clear(pfn, PhysicalMemory.PG_DIRTY);
            }
            mm.updatePte(table, index, pte, pte & ~(PteLayout.DIRTY | PteLayout.ACCESSED));
            memory.markLazyFree(pfn);
        });
    }
}
