package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import java.util.Objects;

import org.mmkit.core.Errno;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageTables;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;
import org.mmkit.core.vma.VmaTree;

/**
 * An address space ({@code struct mm_struct}): the VMA index, the page tables, and the primitive
 * operations every system call is built from — VMA split and merge ({@code mm/vma.c}), mapping and
 * zapping PTEs ({@code mm/memory.c}), freeing page tables. All fields are guarded by the machine
 * lock.
 *
 * <p>Invariants: VMAs never overlap and match their keys in {@link #vmas}; every present,
 * non-special PTE holds one reference and one mapcount of its page; a page-cache page holds one
 * more reference for the cache. The methods under "page table entries" are the one route that
 * writes PTEs and keeps these counts and the threads' TLBs ({@link #tlbs}).
 */
final class Mm {
    final Machine machine;
    final PhysicalMemory memory;
    final VmaTree<Vma> vmas = new VmaTree<>();
    final PageTables pageTables = new PageTables();
    /** The end of the 4-level user half: page tables above any VMA may be freed up to here. */
    static final long USER_PGTABLES_CEILING = 1L << 47;

    /**
     * The TLBs of this address space's threads ({@code mm_cpumask}); the PTE-write route below
     * shoots them down whenever a present PTE goes away, changes its frame or loses a bit (see
     * {@code needsFlush}), before the call goes on and before any page it unmapped is freed.
     */
    final TlbShootdown tlbs = new TlbShootdown();

    /**
     * {@code mm->def_flags}: the lock flags (VM_LOCKED, perhaps with VM_LOCKONFAULT) that
     * mlockall(MCL_FUTURE) gives every later mapping; nothing else, and a forked child starts
     * without them ({@code VM_INIT_DEF_MASK}).
     */
    long defFlags;

    // ---- mm counters (include/linux/mm_types.h; read by task_mem and task_statm) ----

    /** {@code mm->rss_stat} index of {@code MM_FILEPAGES}: page-cache pages of files that are not shmem. */
    static final int MM_FILEPAGES = 0;
    /** {@code MM_ANONPAGES}: anonymous pages. */
    static final int MM_ANONPAGES = 1;
    /** {@code MM_SHMEMPAGES}: shmem (memfd, tmpfs, shared anonymous) pages. */
    static final int MM_SHMEMPAGES = 2;

    /**
     * {@code mm->rss_stat}: present, non-special PTEs by {@link #mmCounter} kind. Changed only by
     * {@link #mapPage} and {@link #zapEntry} ({@code add_mm_counter}), so a recount of the page
     * tables always equals it.
     */
    final long[] rss = new long[3];
    /**
     * {@code MM_SWAPENTS}: swap entries (not markers) in the page tables. Changed where a swap
     * entry is installed, copied by fork or zapped; a recount of the page tables equals it.
     */
    long swapEntries;
    /** {@code mm->hiwater_rss}: raised to the RSS just before the RSS drops ({@code update_hiwater_rss}). */
    long hiwaterRss;
    /** {@code mm->hiwater_vm}: raised to {@link #totalVm} just before it drops ({@code update_hiwater_vm}). */
    long hiwaterVm;
    /** {@code mm->total_vm}: pages of every VMA, kept by {@link #vmStatAccount}. */
    long totalVm;
    /** {@code mm->exec_vm}, {@code mm->stack_vm}, {@code mm->data_vm}: {@link #vmStatAccount}'s classes. */
    long execVm;
    long stackVm;
    long dataVm;
    /**
     * {@code mm->locked_vm}: pages counted as locked where the kernel counts them (mmap of a
     * VM_LOCKED range, mlock_fixup, munmap, mremap). At least the pages of VM_LOCKED VMAs; more
     * after mremap(MREMAP_DONTUNMAP) of a locked range, which unlocks the old VMA but leaves its
     * pages counted (dontunmap_complete), as Linux 6.18 does.
     */
    long lockedVm;
    /**
     * {@code mm->start_brk} and {@code mm->brk}: where the heap begins and the program break,
     * which may lie inside a page; the heap VMA ends at the break rounded up to a page. The
     * model's process has no executable image, so the heap starts at {@link BrkCall#START_BRK},
     * empty; fork copies both.
     */
    long startBrk = BrkCall.START_BRK;
    long brk = BrkCall.START_BRK;

    Mm(Machine machine) {
        this.machine = machine;
        this.memory = machine.memory;
    }

    /** {@code mm_counter}: which RSS counter a page mapped by {@code pfn} belongs to. */
    int mmCounter(int pfn) {
        if (memory.test(pfn, PhysicalMemory.PG_ANON)) {
            return MM_ANONPAGES;
        }
        return memory.test(pfn, PhysicalMemory.PG_SWAPBACKED) ? MM_SHMEMPAGES : MM_FILEPAGES;
    }

    /** {@code get_mm_rss}: resident pages. */
    long rssPages() {
        return rss[MM_FILEPAGES] + rss[MM_ANONPAGES] + rss[MM_SHMEMPAGES];
    }

    /**
     * {@code vm_stat_account}: {@code pages} (negative when a mapping goes) of a VMA with
     * {@code flags} join total_vm and the one of exec_vm, stack_vm and data_vm the flags select;
     * the high-water mark is taken before total_vm drops.
     */
    void vmStatAccount(long flags, long pages) {
        if (pages < 0) {
            hiwaterVm = Math.max(hiwaterVm, totalVm);
        }
        totalVm += pages;
        if ((flags & (VmFlags.EXEC | VmFlags.WRITE | VmFlags.GROWSDOWN)) == VmFlags.EXEC) {
            execVm += pages; // is_exec_mapping
        } else if ((flags & VmFlags.GROWSDOWN) != 0) {
            stackVm += pages; // is_stack_mapping: VM_STACK is VM_GROWSDOWN on x86
        } else if ((flags & (VmFlags.WRITE | VmFlags.SHARED | VmFlags.GROWSDOWN)) == VmFlags.WRITE) {
            dataVm += pages; // is_data_mapping
        }
    }

    /**
     * {@link #vmStatAccount} and {@code locked_vm} for {@code pages} of a mapping with
     * {@code flags} that appear (positive) or go (negative), as mmap, munmap and mremap count them.
     */
    void accountMapping(long flags, long pages) {
        vmStatAccount(flags, pages);
        if ((flags & VmFlags.LOCKED) != 0) {
            lockedVm += pages;
        }
    }

    // ---- VMA index (find_vma, vma_iter) ----

    /** The VMA containing {@code addr}, or null ({@code vma_lookup}). */
    Vma vmaAt(long addr) {
        return vmas.valueAt(addr);
    }

    /** The first VMA ending after {@code addr} ({@code find_vma}), or null. */
    Vma findVma(long addr) {
        if (addr < 0) {
            return null; // addresses are unsigned: nothing lies at or beyond 2^63
        }
        return vmas.valueEndingAfter(addr);
    }

    /** The last VMA starting below {@code addr}, or null. */
    Vma vmaBefore(long addr) {
        VmaTree.Entry<Vma> e = vmas.lastStartingBefore(addr);
        return e == null ? null : e.value();
    }

    /** The VMA following {@code vma}, or null. */
    Vma next(Vma vma) {
        return findVma(vma.end);
    }

    /** {@code mm->map_count}. */
    int mapCount() {
        return vmas.size();
    }

    void link(Vma vma) {
        vmas.insert(vma.start, vma.end, vma);
    }

    /**
     * Removes {@code vma} from the index, from its file's mappings and from its anon_vmas
     * ({@code remove_vma}, {@code unlink_anon_vmas}).
     */
    void unlink(Vma vma) {
        vmas.remove(vma.start);
        if (vma.file != null) {
            vma.file.removeMapping(vma);
        }
        vma.unlinkAnonVmas();
    }

    /** Moves {@code vma}'s bounds, keeping the VMA index and its file's i_mmap index in step. */
    void setRange(Vma vma, long start, long end, long pgoff) {
        vmas.setBounds(vma.start, start, end);
        if (vma.file != null) {
            vma.file.mappings.remove(vma);
        }
        vma.start = start;
        vma.end = end;
        vma.pgoff = pgoff;
        if (vma.file != null) {
            vma.file.mappings.insert(vma);
        }
    }

    /** {@code split_vma}: refuses with ENOMEM once the map count reaches the limit. */
    Vma split(Vma vma, long addr) {
        if (mapCount() >= machine.config.maxMapCount()) {
            throw Errno.ENOMEM.exception();
        }
        return splitUnchecked(vma, addr);
    }

    /** {@code __split_vma} with the new VMA above {@code addr}; returns it. */
    Vma splitUnchecked(Vma vma, long addr) {
        Vma upper = vma.copy(this, addr, vma.end, vma.pageIndex(addr));
        setRange(vma, vma.start, addr, vma.pgoff);
        link(upper);
        return upper;
    }

    /** What a walk over the VMAs of a range does with each part. */
    @FunctionalInterface
    interface VmaPart {
        void apply(Vma vma, long from, long to);
    }

    /**
     * The walk of mprotect and mlock: {@code part} runs on each VMA's share of [start, end), in
     * address order, looking each VMA up afresh since a part may merge it away; a hole anywhere is
     * ENOMEM, the parts before it already done.
     */
    void forEachPart(long start, long end, VmaPart part) {
        for (long addr = start; Long.compareUnsigned(addr, end) < 0; ) {
            Vma vma = findVma(addr);
            if (vma == null || vma.start > addr) {
                throw Errno.ENOMEM.exception();
            }
            long to = MmapCall.minAddress(vma.end, end);
            part.apply(vma, addr, to);
            addr = to;
        }
    }

    // ---- merging (mm/vma.c) ----

    /**
     * {@code is_mergeable_anon_vma}: a range carrying {@code anonVma} may join {@code neighbour}
     * when both share the anon_vma, or when only one side has one and that side did not come
     * from fork. {@code origin} is the VMA whose anon_vma the range carries: the existing VMA
     * being changed, or the VMA mremap copies ({@code vmg->copied_from}); null for a new range.
     */
    private static boolean anonMergeable(AnonVma anonVma, Vma origin, Vma neighbour) {
        if (neighbour.anonVma == null && anonVma != null) {
            return !hadUncowedParents(origin); // the neighbour would take the range's anon_vma
        }
        if (neighbour.anonVma != null && anonVma == null) {
            return !hadUncowedParents(neighbour); // the range would take the neighbour's anon_vma
        }
        return anonVma == neighbour.anonVma;
    }

    /** {@code vma_had_uncowed_parents}: faulted, with an anon_vma chain inherited across fork. */
    private static boolean hadUncowedParents(Vma vma) {
        return vma != null && vma.anonVma != null && !vma.singularAnonChain();
    }

    /** {@code is_mergeable_vma}: flags but the sticky ones, file, name and userfaultfd context agree. */
    private static boolean attributesMatch(Vma neighbour, long flags, ShmemFile file, String anonName,
            UserfaultfdCtx uffdCtx) {
        return ((neighbour.flags ^ flags) & ~VmFlags.STICKY) == 0 && neighbour.file == file
                && (flags & VmFlags.SPECIAL) == 0 && Objects.equals(neighbour.anonName, anonName)
                && neighbour.uffdCtx == uffdCtx;
    }

    /** {@code can_vma_merge_after}: [start, end) with these attributes may join {@code prev}. */
    private static boolean canMergeAfter(Vma prev, long start, long flags, ShmemFile file, String anonName,
            UserfaultfdCtx uffdCtx, long pgoff, AnonVma anonVma, Vma origin) {
        return prev != null && prev.end == start && attributesMatch(prev, flags, file, anonName, uffdCtx)
                && anonMergeable(anonVma, origin, prev) && prev.pgoff + prev.pages() == pgoff;
    }

    /** {@code can_vma_merge_before}: [start, end) with these attributes may join {@code next}. */
    private static boolean canMergeBefore(Vma next, long start, long end, long flags, ShmemFile file, String anonName,
            UserfaultfdCtx uffdCtx, long pgoff, AnonVma anonVma, Vma origin) {
        return next != null && next.start == end && attributesMatch(next, flags, file, anonName, uffdCtx)
                && anonMergeable(anonVma, origin, next) && next.pgoff == pgoff + ((end - start) >>> PAGE_SHIFT);
    }

    /** {@code are_anon_vmas_compatible}. */
    private static boolean anonCompatible(Vma a, Vma b) {
        return a.anonVma == null || b.anonVma == null || a.anonVma == b.anonVma;
    }

    /**
     * {@code vma_merge_new_range}: extends a neighbour over the free range [start, end) when the
     * attributes allow; returns the VMA now covering it, or null if a new VMA is needed.
     * {@code anonFrom} is the VMA whose anon_vma the range carries (mremap growing it in place),
     * or null.
     */
    Vma mergeNew(long start, long end, long flags, ShmemFile file, long pgoff, Vma anonFrom) {
        return mergeNewRange(start, end, flags, file, pgoff, anonFrom, null);
    }

    /**
     * {@code copy_vma}'s merge: [start, end) takes the attributes of {@code from}, which mremap
     * is moving; a neighbour may not take an anon_vma {@code from} inherited across fork.
     */
    Vma mergeCopy(Vma from, long start, long end, long pgoff) {
        return mergeNewRange(start, end, from.flags, from.file, pgoff, from, from);
    }

    /**
     * {@code anonFrom} is the VMA whose anon_vma (and chain) and name the range carries, or null
     * (a new mapping, nameless); {@code copiedFrom} the VMA mremap copies, or null.
     */
    private Vma mergeNewRange(long start, long end, long flags, ShmemFile file, long pgoff, Vma anonFrom,
            Vma copiedFrom) {
        AnonVma anonVma = anonFrom == null ? null : anonFrom.anonVma;
        String anonName = anonFrom == null ? null : anonFrom.anonName;
        UserfaultfdCtx uffdCtx = anonFrom == null ? null : anonFrom.uffdCtx;
        Vma prev = vmaBefore(start);
        Vma next = findVma(start);
        boolean left = canMergeAfter(prev, start, flags, file, anonName, uffdCtx, pgoff, anonVma, copiedFrom);
        boolean right = canMergeBefore(next, start, end, flags, file, anonName, uffdCtx, pgoff, anonVma, copiedFrom)
                && (!left || anonCompatible(prev, next));
        Vma merged;
        if (left && right) {
            long nextEnd = next.end;
            adoptAnonVma(prev, next);
            unlink(next);
            setRange(prev, prev.start, nextEnd, prev.pgoff);
            prev.flags |= next.flags & VmFlags.STICKY;
            merged = prev;
        } else if (left) {
            setRange(prev, prev.start, end, prev.pgoff);
            merged = prev;
        } else if (right) {
            setRange(next, start, next.end, pgoff);
            merged = next;
        } else {
            return null;
        }
        // vma_expand: a range moved in by mremap brings its anon_vma along (dup_anon_vma)
        if (anonFrom != null) {
            adoptAnonVma(merged, anonFrom);
        }
        merged.flags |= flags & VmFlags.STICKY;
        return merged;
    }

    /**
     * {@code vma_modify}: makes [start, end) of {@code vma} carry {@code newFlags}, merging with
     * a neighbour where possible and splitting otherwise; returns the VMA covering the range. A
     * merged VMA keeps the sticky flags of every part.
     */
    Vma modify(Vma vma, long start, long end, long newFlags) {
        return modify(vma, start, end, newFlags, vma.anonName);
    }

    /**
     * {@link #modify(Vma, long, long, long)} that also gives the range the name {@code newName}
     * ({@code vma_modify_name}); null for none.
     */
    Vma modify(Vma vma, long start, long end, long newFlags, String newName) {
        return modify(vma, start, end, newFlags, newName, vma.uffdCtx);
    }

    /**
     * {@link #modify(Vma, long, long, long, String)} that also registers the range with
     * {@code newCtx}, or unregisters it when null ({@code vma_modify_flags_uffd}).
     */
    Vma modify(Vma vma, long start, long end, long newFlags, String newName, UserfaultfdCtx newCtx) {
        if (newFlags == vma.flags && Objects.equals(newName, vma.anonName) && newCtx == vma.uffdCtx) {
            return vma;
        }
        long pgoff = vma.pageIndex(start);
        Vma prev = start == vma.start ? vmaBefore(start) : null;
        Vma next = end == vma.end ? next(vma) : null;
        boolean left = canMergeAfter(prev, start, newFlags, vma.file, newName, newCtx, pgoff, vma.anonVma, vma);
        boolean right = canMergeBefore(next, start, end, newFlags, vma.file, newName, newCtx, pgoff, vma.anonVma, vma)
                && (!left || anonCompatible(prev, next));
        if (left && right) {
            long nextEnd = next.end;
            adoptAnonVma(prev, vma.anonVma != null ? vma : next);
            unlink(vma);
            unlink(next);
            setRange(prev, prev.start, nextEnd, prev.pgoff);
            prev.flags |= (newFlags | next.flags) & VmFlags.STICKY;
            return prev;
        }
        if (left) {
            adoptAnonVma(prev, vma);
            if (end == vma.end) {
                unlink(vma);
            } else {
                setRange(vma, end, vma.end, vma.pageIndex(end));
            }
            setRange(prev, prev.start, end, prev.pgoff);
            prev.flags |= newFlags & VmFlags.STICKY;
            return prev;
        }
        if (right) {
            adoptAnonVma(next, vma);
            if (start == vma.start) {
                unlink(vma);
            } else {
                setRange(vma, vma.start, start, vma.pgoff);
            }
            setRange(next, start, next.end, pgoff);
            next.flags |= newFlags & VmFlags.STICKY;
            return next;
        }
        Vma target = vma;
        if (start > vma.start) {
            target = split(vma, start);
        }
        if (end < target.end) {
            split(target, end);
        }
        target.flags = newFlags;
        target.anonName = newName;
        target.uffdCtx = newCtx;
        return target;
    }

    /**
     * {@code dup_anon_vma}: the expanding VMA takes the anon_vma of the part it absorbs, and is
     * linked to every anon_vma of that part's chain ({@code anon_vma_clone}).
     */
    private static void adoptAnonVma(Vma into, Vma absorbed) {
        if (into.anonVma == null && absorbed.anonVma != null) {
            into.cloneAnonChain(absorbed);
        }
    }

    // ---- page table entries: the one route that writes them ----

    long pte(long va) {
        return pageTables.get(va);
    }

    /**
     * Whether replacing the present entry {@code old} by {@code pte} must flush the TLB: anything
     * but adding accessed, dirty or write permission to the same frame. The kernel does not flush
     * for those either ({@code ptep_set_access_flags}, {@code wp_page_reuse}): a stale entry is
     * only more restrictive, and the next access walks the tables again.
     */
    private static boolean needsFlush(long old, long pte) {
        long upgrades = PteLayout.ACCESSED | PteLayout.DIRTY | PteLayout.RW;
        return PteLayout.isPresent(old) && (((old ^ pte) & ~upgrades) != 0 || (old & ~pte & upgrades) != 0);
    }

    /**
     * How many {@link #batchFlushes} calls are under way (they nest). While one is, a PTE that
     * keeps its frame but loses a bit owes its shootdown to the outermost batch's end instead of
     * flushing at once.
     */
    private int flushBatchDepth;
    /** Whether a PTE changed in the current batch needs the shootdown at its end. */
    private boolean flushOwed;

    /**
     * Runs {@code body}, gathering the shootdowns of its permission changes into one at its end,
     * also when it throws: {@code change_protection} flushes once for its range
     * ({@code flush_tlb_range}), not once per PTE. Sound because such a change frees nothing,
     * and nothing translates through the address space while the caller holds the machine lock
     * but threads already holding an entry, as on the kernel until its flush; when the call
     * returns, no stale translation is left. Zaps and moves still flush before they go on.
     */
    void batchFlushes(Runnable body) {
        flushBatchDepth++;
        try {
            body.run();
        } finally {
            if (--flushBatchDepth == 0 && flushOwed) {
                flushOwed = false;
                tlbs.flushLocked();
            }
        }
    }

    /**
     * Stores entry {@code index} of PTE table {@code table}, shooting down the TLBs where {@link
     * #needsFlush}; an entry that keeps its frame defers that to the end of a {@link #batchFlushes}.
     */
    private void write(int table, int index, long old, long pte, boolean sameFrame) {
        pageTables.set(table, index, pte);
        if (needsFlush(old, pte)) {
            if (sameFrame && flushBatchDepth > 0) {
                flushOwed = true;
            } else {
                tlbs.flushLocked();
            }
        }
    }

    /**
     * Changes the entry at {@code va} without touching page counts: a present entry keeps its
     * page (permission and A/D-bit changes), a non-present one becomes another non-present one
     * (markers). Mapping, unmapping and moving pages go through {@link #mapPage}, the zaps and
     * {@link #movePte}.
     */
    void updatePte(long va, long pte) {
        int table = pte == 0 ? pageTables.pteTableId(va) : pageTables.pteTableIdAlloc(va);
        if (table >= 0) {
            int index = PageTables.pteIndex(va);
            updatePte(table, index, pageTables.entry(table, index), pte);
        }
    }

    /** {@link #updatePte(long, long)} for a walker that already holds the slot and its entry. */
    void updatePte(int table, int index, long old, long pte) {
        if (PteLayout.isPresent(old) != PteLayout.isPresent(pte)
                || (PteLayout.isPresent(old) && PteLayout.pfn(old) != PteLayout.pfn(pte))) {
            throw new IllegalStateException("updatePte would map or unmap a page: " + Long.toHexString(old)
                    + " -> " + Long.toHexString(pte));
        }
        if (old != pte) {
            write(table, index, old, pte, true);
        }
    }

    /**
     * Installs {@code pte} mapping {@code pfn} at {@code va}, whose entry must not be present; the
     * mapping takes a reference and a mapcount, and a page seen for the first time joins the LRU.
     */
    void mapPage(long va, int pfn, long pte) {
        int table = pageTables.pteTableIdAlloc(va);
        int index = PageTables.pteIndex(va);
        if (PteLayout.isPresent(pageTables.entry(table, index))) {
            throw new IllegalStateException("mapping over a present PTE at 0x" + Long.toHexString(va));
        }
        pageTables.set(table, index, pte);
        if (!PteLayout.isSpecial(pte)) {
            memory.get(pfn);
            memory.addMapcount(pfn, 1);
            memory.lruAddIfAbsent(pfn);
            rss[mmCounter(pfn)]++;
        }
    }

    /**
     * {@code move_ptes}: moves the entry at {@code from} to the empty slot {@code to}, with its
     * page counts (a move changes no count); the old translation is flushed.
     */
    void movePte(int fromTable, int fromIndex, long pte, long to) {
        int table = pageTables.pteTableIdAlloc(to);
        int index = PageTables.pteIndex(to);
        if (pageTables.entry(table, index) != 0) {
            throw new IllegalStateException("moving a PTE onto a used slot at 0x" + Long.toHexString(to));
        }
        pageTables.set(table, index, pte);
        write(fromTable, fromIndex, pte, 0, false);
    }

    /** Clears entry {@code index} of table {@code table}, releasing its page ({@code zap_present_pte}). */
    void zapEntry(int table, int index, long pte) {
        write(table, index, pte, 0, false);
        if (isSwapEntry(pte)) {
            swapEntries--;
            machine.swap.freeEntry(pte); // free_swap_and_cache
        }
        if (PteLayout.isPresent(pte) && !PteLayout.isSpecial(pte)) {
            int pfn = (int) PteLayout.pfn(pte);
            if (PteLayout.isDirty(pte) && !memory.test(pfn, PhysicalMemory.PG_ANON)) {
                memory.set(pfn, PhysicalMemory.PG_DIRTY);
            }
            // every zap takes the high-water mark before the RSS drops (update_hiwater_rss)
            hiwaterRss = Math.max(hiwaterRss, rssPages());
            rss[mmCounter(pfn)]--;
            memory.addMapcount(pfn, -1);
            if (memory.mapcount(pfn) == 0) {
                machine.swap.freeSwap(pfn); // free_swap_cache as the TLB batch frees the page
            }
            memory.put(pfn);
        }
    }

    /** A swap entry of a swap area: swap format, not a PTE marker. */
    static boolean isSwapEntry(long pte) {
        return PteLayout.isSwapFormat(pte) && !SwapEntryLayout.isMarker(pte);
    }

    /**
     * A swap entry or a poison marker: the entries that map nothing but stand for a private page's
     * data, which zaps of private copies ({@code zap_nonpresent_ptes}: {@code should_zap_cows})
     * and MADV_FREE ({@code madvise_free_pte_range}) drop, where guard and uffd-wp markers stay.
     */
    static boolean isSwapOrPoison(long pte) {
        return isSwapEntry(pte) || (PteMarkerLayout.bits(pte) & PteMarkerLayout.POISONED) != 0;
    }

    /**
     * {@code try_to_unmap_one} for a page going to swap: the present entry {@code pte} gives way to
     * {@code swapPte}, whose slot count the caller has raised already.
     */
    void swapOutEntry(int table, int index, long pte, long swapPte) {
        zapEntry(table, index, pte);
        pageTables.set(table, index, swapPte);
        swapEntries++;
    }

    /** Installs a swap entry that fork copied ({@code copy_nonpresent_pte}); the caller raised its slot count. */
    void copySwapEntry(long va, long swapPte) {
        updatePte(va, swapPte);
        swapEntries++;
    }

    /** Unmaps the page at {@code va} if any (used where one PTE is replaced, e.g. COW). */
    void zapPage(long va) {
        zapRange(va, va + PAGE_SIZE, true, false);
    }

    /**
     * {@code zap_page_range}: clears every entry in [start, end). Guard markers survive unless
     * {@code dropGuards} (munmap and exit remove them, MADV_DONTNEED keeps them). With
     * {@code reclaimTables} ({@code CONFIG_PT_RECLAIM}, used by MADV_DONTNEED of at least 2 MiB)
     * PTE tables left empty are freed.
     */
    void zapRange(long start, long end, boolean dropGuards, boolean reclaimTables) {
        zapRange(null, start, end, dropGuards, reclaimTables);
    }

    /**
     * {@code zap_page_range_single} for madvise: {@link #zapRange} of [start, end) within
     * {@code vma} that keeps guard markers and, in a file-backed VMA registered in userfaultfd WP
     * mode, leaves a uffd-wp marker where a protected entry was ({@link UffdWriteProtect#afterZap}).
     */
    void zapVmaRange(Vma vma, long start, long end, boolean reclaimTables) {
        zapRange(vma, start, end, false, reclaimTables);
    }

    private void zapRange(Vma markersOf, long start, long end, boolean dropGuards, boolean reclaimTables) {
        PageWalk.walk(pageTables, start, end, new PageWalk.Visitor() {
            @Override
            public void pte(long va, long pte, int table, int index) {
                if (pte != 0 && (dropGuards || !PteMarkerLayout.isGuard(pte))) {
                    zapEntry(table, index, pte);
                    if (markersOf != null) {
                        UffdWriteProtect.afterZap(Mm.this, markersOf, table, index, pte);
                    }
                }
            }

            @Override
            public void pteTableEnd(long blockStart) {
                if (reclaimTables) {
                    pageTables.freeEmptyPteTable(blockStart);
                }
            }
        });
    }

    /**
     * Removes every mapping in [start, end) ({@code do_vmi_align_munmap}): {@link #gatherUnmap}
     * first, then zaps the pages of the VMAs there, frees page tables no VMA needs and unlinks them.
     *
     * @throws org.mmkit.core.ErrnoException ENOMEM when the split would exceed the map count;
     *         EPERM if a VMA there is sealed
     */
    void unmapRange(long start, long end) {
        gatherUnmap(start, end);
        removeRange(start, end);
    }

    /** {@code exit_mmap}: removes every VMA, sealed or not. */
    void unmapAll() {
        removeRange(0, USER_PGTABLES_CEILING);
    }

    /**
     * {@code vms_gather_munmap_vmas}: the checks of an unmap of [start, end) and the splits at
     * its edges, made before anything is removed; a caller may still fail afterwards (mmap's
     * address-space limit), leaving the splits made. ENOMEM when splitting the first VMA would
     * pass the map count; EPERM if a VMA of the range is sealed, checked for the first VMA before
     * it is split and for the others after.
     */
    void gatherUnmap(long start, long end) {
        Vma first = findVma(start);
        if (first == null || first.start >= end) {
            return;
        }
        if (first.start < start) {
            if (end < first.end && mapCount() >= machine.config.maxMapCount()) {
                throw Errno.ENOMEM.exception();
            }
            MsealCall.checkUnsealed(first);
            first = splitUnchecked(first, start);
        }
        MsealCall.checkUnsealed(this, start, end);
        Vma last = vmaAt(end - 1);
        if (last != null && last.end > end) {
            splitUnchecked(last, end);
        }
    }

    /** Removes the VMAs within [start, end), whose edges {@link #gatherUnmap} has split. */
    private void removeRange(long start, long end) {
        Vma first = findVma(start);
        if (first == null || first.start >= end) {
            return;
        }
        Vma prev = vmaBefore(start);
        for (Vma vma = first; vma != null && vma.start < end; ) {
            Vma following = next(vma);
            zapRange(vma.start, vma.end, true, false);
            accountMapping(vma.flags, -vma.pages()); // vms_complete_munmap_vmas
            unlink(vma);
            vma = following;
        }
        Vma next = findVma(end);
        pageTables.freeTables(start, end, prev == null ? 0 : prev.end,
                next == null ? USER_PGTABLES_CEILING : next.start);
    }

    /**
     * {@code anon_vma_prepare}: gives {@code vma} an anon_vma, reusing a neighbour's when the two
     * could merge but for their protections ({@code find_mergeable_anon_vma}).
     */
    AnonVma anonVma(Vma vma) {
        if (vma.anonVma == null) {
            Vma next = next(vma);
            Vma prev = vmaBefore(vma.start);
            AnonVma reused = reusable(next, vma, next);
            if (reused == null) {
                reused = reusable(prev, prev, vma);
            }
            vma.linkAnonVma(reused != null ? reused : new AnonVma(null));
        }
        return vma.anonVma;
    }

    /** {@code reusable_anon_vma}: {@code old}'s anon_vma if {@code a} and {@code b} are {@code anon_vma_compatible}. */
    private static AnonVma reusable(Vma old, Vma a, Vma b) {
        if (old == null || a == null || b == null || !old.singularAnonChain()) {
            return null;
        }
        boolean compatible = a.end == b.start && a.file == b.file
                && ((a.flags ^ b.flags) & ~(VmFlags.ACCESS | VmFlags.STICKY)) == 0
                && b.pgoff == a.pgoff + a.pages();
        return compatible ? old.anonVma : null;
    }
}
