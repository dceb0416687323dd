package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.mmkit.core.Errno;
import org.mmkit.core.abi.PageRegionLayout;
import org.mmkit.core.abi.PmScanArgLayout;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.PteMarkerLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * The PAGEMAP_SCAN ioctl of {@code /proc/PID/pagemap} ({@code do_pagemap_scan} and the
 * {@code pagemap_scan_*} walk of {@code fs/proc/task_mmu.c}): the pages of a range whose
 * {@code PAGE_IS_*} categories match the masks, reported as merged regions, and with
 * {@link org.mmkit.core.Uapi#PM_SCAN_WP_MATCHING} write-protected for asynchronous userfaultfd
 * write tracking. Huge pages are not modelled, so {@code PAGE_IS_HUGE} never appears. Runs
 * under the machine lock.
 *
 * <p>The walk takes a PTE table's entries as runs of entries that the scan treats alike
 * ({@link Scan#pteRun}): only where that changes does it output a region or look at a page
 * again. {@link Scan#pte}, the kernel's loop of one entry at a time, is kept as the reference
 * the runs are tested against ({@link #scan} with {@code runs} false).
 */
final class PagemapScan {
    /** Every category 6.18 knows ({@code PM_SCAN_CATEGORIES}). */
    private static final long CATEGORIES = PAGE_IS_WPALLOWED | PAGE_IS_WRITTEN | PAGE_IS_FILE | PAGE_IS_PRESENT
            | PAGE_IS_SWAPPED | PAGE_IS_PFNZERO | PAGE_IS_HUGE | PAGE_IS_SOFT_DIRTY | PAGE_IS_GUARD;
    private static final long FLAGS = PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC;
    /** Regions the bounce buffer holds ({@code PAGEMAP_WALK_SIZE >> PAGE_SHIFT}). */
    private static final int BOUNCE_REGIONS = 512;
    /** The vector's u64s, little-endian as the user reads them. */
    private static final VarHandle U64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private PagemapScan() {
    }

    /** The arguments as {@code pagemap_scan_get_args} leaves them. */
    private record Args(long flags, long start, long end, long vec, long vecLen, long maxPages,
            long inverted, long mask, long anyof, long returnMask) {
    }

    /**
     * {@code do_pagemap_scan} on {@code mm} for {@code caller}, whose memory holds the
     * {@code struct pm_scan_arg} at {@code arg}: returns the regions written to {@code vec};
     * {@code walk_end} is written back, after a CHECK_WPASYNC refusal too.
     */
    static long ioctl(Task caller, Mm mm, long arg) {
        return scan(caller, mm, arg, true);
    }

    /**
     * {@link #ioctl}, walking each PTE table as runs of alike entries, or, with {@code runs}
     * false, one entry at a time as the kernel's loop does (the reference for tests).
     */
    static long scan(Task caller, Mm mm, long arg, boolean runs) {
        Args a = getArgs(caller, arg);
        Scan scan = new Scan(caller, mm, a, runs);
        Errno refused = null;
        long written = 0;
        // a walk stops where the bounce buffer is full; it is copied out, and the next walk goes on from there
        for (long walkStart = a.start(); walkStart < a.end(); walkStart = scan.walkEnd) {
            boolean full;
            try {
                full = scan.walk(walkStart);
            } catch (Refused e) {
                refused = Errno.EPERM;
                full = false;
            }
            long n = scan.flush();
            if (n < 0) {
                refused = Errno.EFAULT; // the walk ends here: walk_end is where it stopped
                break;
            }
            written += n;
            if (!full || scan.vecLeft == 0 || scan.foundPages == a.maxPages()) {
                break;
            }
        }
        // walk_end stays where a walk last stopped (also when a later one went on to the end); else end
        long walkEnd = scan.walkEnd != 0 ? scan.walkEnd : a.end();
        UserfaultfdCalls.putU64(caller, arg + PmScanArgLayout.WALK_END_OFFSET, walkEnd);
        if (refused != null) {
            throw refused.exception();
        }
        return written;
    }

    /** {@code pagemap_scan_get_args}: the checks in the kernel's order (kernel-spec §2.2). */
    private static Args getArgs(Task caller, long arg) {
        byte[] b = UserfaultfdCalls.readStruct(caller, arg, PmScanArgLayout.SIZE);
        if (u64(b, PmScanArgLayout.SIZE_OFFSET) != PmScanArgLayout.SIZE) {
            throw Errno.EINVAL.exception();
        }
        long flags = u64(b, PmScanArgLayout.FLAGS_OFFSET);
        if ((flags & ~FLAGS) != 0) {
            throw Errno.EINVAL.exception();
        }
        long inverted = u64(b, PmScanArgLayout.CATEGORY_INVERTED_OFFSET);
        long mask = u64(b, PmScanArgLayout.CATEGORY_MASK_OFFSET);
        long anyof = u64(b, PmScanArgLayout.CATEGORY_ANYOF_MASK_OFFSET);
        long returnMask = u64(b, PmScanArgLayout.RETURN_MASK_OFFSET);
        if (((inverted | mask | anyof | returnMask) & ~CATEGORIES) != 0) {
            throw Errno.EINVAL.exception();
        }
        long start = u64(b, PmScanArgLayout.START_OFFSET);
        long end = u64(b, PmScanArgLayout.END_OFFSET);
        long vec = u64(b, PmScanArgLayout.VEC_OFFSET);
        long vecLen = u64(b, PmScanArgLayout.VEC_LEN_OFFSET);
        if ((start & ~PAGE_MASK) != 0) {
            throw Errno.EINVAL.exception();
        }
        if (!ReadWriteCalls.accessOk(caller, start, end - start)) {
            throw Errno.EFAULT.exception();
        }
        if (vec == 0 && vecLen != 0) {
            throw Errno.EINVAL.exception();
        }
        // size_mul saturates: a length whose byte count overflows is no accessible range
        long vecBytes = Long.compareUnsigned(vecLen, Long.divideUnsigned(-1L, PageRegionLayout.SIZE)) > 0
                ? -1L : vecLen * PageRegionLayout.SIZE;
        if (vec != 0 && !ReadWriteCalls.accessOk(caller, vec, vecBytes)) {
            throw Errno.EFAULT.exception();
        }
        long maxPages = u64(b, PmScanArgLayout.MAX_PAGES_OFFSET);
        return new Args(flags, start, (end + PAGE_SIZE - 1) & PAGE_MASK, vec, vecLen,
                maxPages == 0 ? -1L : maxPages, inverted, mask, anyof, returnMask);
    }

    private static long u64(byte[] b, int offset) {
        return Scalars.U64.read(b, offset);
    }

    /** {@code PM_SCAN_CHECK_WPASYNC} met a VMA without asynchronous write protection. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    /** One scan: its walks over the VMAs of the range ({@code struct pagemap_scan_private}). */
    private static final class Scan implements PageWalk.Visitor {
        /**
         * In a page's class ({@link #classify}): the page matched, is WRITTEN, and WP_MATCHING
         * asks for it to be write-protected. Above every category bit.
         */
        private static final long PROTECT = 1L << 62;
        /** A page's class when it does not match the masks. */
        private static final long NO_MATCH = -1L;
        /**
         * The bits of a present, non-special PTE that decide its categories when FILE is not
         * asked for ({@link #pageCategories}): entries alike in these bits are alike to the scan.
         */
        private static final long PRESENT_KEY = PteLayout.PRESENT | PteLayout.SPECIAL | PteLayout.UFFD_WP
                | PteLayout.SOFT_DIRTY;

        private final Task caller;
        private final Mm mm;
        private final Args a;
        private final boolean runs;
        /** Whether regions are kept: the kernel has no bounce buffer when {@code vec_len} is 0. */
        private final boolean output;
        /**
         * WP_MATCHING without output: {@code pagemap_scan_pmd_entry}'s fast path protects every
         * PTE not yet protected, whatever the masks say.
         */
        private final boolean protectAll;
        private final boolean wpMatching;
        /**
         * Whether any mask names FILE: only then is a page's folio looked at
         * ({@code p->masks_of_interest & PAGE_IS_FILE} in {@code pagemap_page_category}).
         */
        private final boolean askedFile;

        /**
         * {@code vec_buf}: the finished regions not yet copied out, {@link PageRegionLayout}
         * each; the region still growing is {@link #curStart}..{@link #curEnd}.
         */
        private final byte[] bounce;
        /** Finished regions in {@link #bounce} ({@code vec_buf_index}). */
        private int bounced;
        /** Regions {@link #bounce} may hold now, the growing one included ({@code vec_buf_len}). */
        private int bounceLen;
        /** The region still growing ({@code vec_buf[vec_buf_index]}); empty when its end is its start. */
        private long curStart;
        private long curEnd;
        private long curCategories;
        /** Regions the vector still takes ({@code arg.vec_len} as flushes lower it), unsigned. */
        long vecLeft;
        /** Where the next flushed region goes ({@code vec_out}). */
        private long vecOut;

        /** Pages put into regions ({@code found_pages}), unsigned. */
        long foundPages;
        /** Where a walk last stopped early ({@code arg.walk_end}), or 0. */
        long walkEnd;
        /** Whether the current walk stopped early ({@code -ENOSPC}). */
        private boolean stopped;

        private Vma vma;
        private long vmaCategories;
        /** Whether a none PTE outside any table counts as written here (uffd-wp registered VMA). */
        private boolean holeWritten;
        /** The VMA's page protection, for the PTEs the walk protects ({@code vm_page_prot}). */
        private long prot;
        /** The class of a none PTE in this VMA ({@link #classify}). */
        private long noneClass;
        /** The class of a present, non-special PTE by its uffd-wp and soft-dirty bits, when FILE is not asked for. */
        private final long[] presentClass = new long[4];
        /** The last entry classified the long way, and its class: markers repeat. 0 when none. */
        private long lastEntry;
        private long lastClass;
        /** The matching written holes of this VMA (no PTE table), to write-protect once its walk is done. */
        private final List<long[]> protect = new ArrayList<>();

        Scan(Task caller, Mm mm, Args a, boolean runs) {
            this.caller = caller;
            this.mm = mm;
            this.a = a;
            this.runs = runs;
            this.output = a.vecLen() != 0;
            this.wpMatching = (a.flags() & PM_SCAN_WP_MATCHING) != 0;
            this.protectAll = !output && wpMatching;
            this.askedFile = ((a.mask() | a.inverted() | a.anyof() | a.returnMask()) & PAGE_IS_FILE) != 0;
            this.vecLeft = a.vecLen();
            this.vecOut = a.vec();
            this.bounceLen = Long.compareUnsigned(a.vecLen(), BOUNCE_REGIONS) < 0 ? (int) a.vecLen() : BOUNCE_REGIONS;
            this.bounce = new byte[bounceLen * PageRegionLayout.SIZE];
        }

        /**
         * {@code walk_page_range} from {@code walkStart} with {@code pagemap_scan_test_walk}
         * deciding each VMA; returns whether it stopped early (a full bounce buffer, {@code
         * max_pages} or the vector).
         */
        boolean walk(long walkStart) {
            stopped = false;
            for (Vma v = mm.findVma(walkStart); v != null && v.start < a.end() && !stopped; v = mm.next(v)) {
                boolean wpAllowed = UffdWriteProtect.isAsync(v) && UffdWriteProtect.usesMarkers(v);
                if (!wpAllowed) {
                    if ((a.flags() & PM_SCAN_CHECK_WPASYNC) != 0) {
                        throw new Refused();
                    }
                    if (wpMatching) {
                        continue;
                    }
                }
                if (v.has(VmFlags.PFNMAP)) {
                    continue;
                }
                long categories = (wpAllowed ? PAGE_IS_WPALLOWED : 0) | (v.has(VmFlags.SOFTDIRTY) ? PAGE_IS_SOFT_DIRTY : 0);
                // pagemap_scan_is_interesting_vma: only WPALLOWED can be decided per VMA
                long required = a.mask() & PAGE_IS_WPALLOWED;
                if (((categories ^ a.inverted()) & required) != required) {
                    continue;
                }
                enterVma(v, categories);
                long from = Math.max(walkStart, vma.start);
                // PTEs protected during the walk and the holes after it share one shootdown at the end
                mm.batchFlushes(() -> {
                    PageWalk.walk(mm.pageTables, from, Math.min(a.end(), vma.end), this);
                    for (long[] run : protect) {
                        makeUffdWp(vma, run[0], run[1]);
                    }
                });
            }
            return stopped;
        }

        /** {@code pagemap_scan_test_walk}'s result for {@code v}, and the classes its entries fall into. */
        private void enterVma(Vma v, long categories) {
            vma = v;
            vmaCategories = categories;
            holeWritten = v.has(VmFlags.UFFD_WP);
            prot = Fault.pageProt(v);
            protect.clear();
            noneClass = classify(categories | pageCategories(0));
            for (int bits = 0; bits < presentClass.length; bits++) {
                long pte = PteLayout.PRESENT | ((bits & 1) != 0 ? PteLayout.UFFD_WP : 0)
                        | ((bits & 2) != 0 ? PteLayout.SOFT_DIRTY : 0);
                presentClass[bits] = classify(categories | pageCategories(pte));
            }
            lastEntry = 0;
        }

        /** Whether the walk stopped: it visits nothing more ({@code walk_page_range} ends on an error). */
        @Override
        public boolean done() {
            return stopped;
        }

        /**
         * {@code make_uffd_wp_pte} over [start, end), which has no PTE table yet: {@code
         * uffd_wp_range} allocates the tables and installs markers.
         */
        private void makeUffdWp(Vma v, long start, long end) {
            UffdWriteProtect.uffdWpRange(mm, v, start, end, true);
        }

        /** {@code pagemap_scan_pmd_entry}'s loop for one entry: the reference for {@link #pteRun}. */
        @Override
        public void pte(long va, long pte, int table, int index) {
            boolean wp;
            if (protectAll) {
                wp = !UffdWriteProtect.isProtected(pte);
            } else {
                wp = !stopped && output(classify(vmaCategories | pageCategories(pte)), va, va + PAGE_SIZE) != va;
            }
            if (wp) {
                makeUffdWpPte(pte, table, index);
            }
        }

        /**
         * {@code pagemap_scan_pmd_entry} over entries {@code [from, to)} of {@code table}: each run
         * of entries of one class ({@link #classOf}) is output at once, and its matched written
         * part protected entry by entry.
         */
        @Override
        public void pteRun(long va, long[] entries, int table, int from, int to) {
            if (!runs) {
                PageWalk.Visitor.super.pteRun(va, entries, table, from, to);
                return;
            }
            if (protectAll) {
                for (int i = from; i < to; i++) {
                    if (!UffdWriteProtect.isProtected(entries[i])) {
                        makeUffdWpPte(entries[i], table, i);
                    }
                }
                return;
            }
            if (mm.pageTables.isEmpty(table)) {
                run(va, entries, table, from, from, to, noneClass); // a table without entries is one run of none entries
                return;
            }
            int runFrom = from;
            long first = entries[from];
            long cls = classOf(first);
            long key = keyOf(first);
            for (int i = from + 1; i < to; i++) {
                long e = entries[i];
                // an entry equal to the run's first in the bits that decide its class needs no look of its own
                if (((e ^ first) & key) == 0) {
                    continue;
                }
                long c = classOf(e);
                if (c != cls) {
                    run(va, entries, table, from, runFrom, i, cls);
                    if (stopped) {
                        return;
                    }
                    runFrom = i;
                    cls = c;
                }
                first = e;
                key = keyOf(e);
            }
            run(va, entries, table, from, runFrom, to, cls);
        }

        /**
         * The entries {@code [runFrom, runTo)} of {@code table}, all of class {@code cls}: their
         * output, and the protection of those WP_MATCHING takes ({@code make_uffd_wp_pte}).
         * {@code entries[from]} translates {@code va}.
         */
        private void run(long va, long[] entries, int table, int from, int runFrom, int runTo, long cls) {
            if (cls == NO_MATCH) {
                return;
            }
            long start = va + ((long) (runFrom - from) << PAGE_SHIFT);
            long wpEnd = output(cls, start, va + ((long) (runTo - from) << PAGE_SHIFT));
            int wpTo = runFrom + (int) ((wpEnd - start) >>> PAGE_SHIFT);
            for (int k = runFrom; k < wpTo; k++) {
                makeUffdWpPte(entries[k], table, k);
            }
        }

        /**
         * The bits in which an entry equal to {@code pte} is of the same class: those of {@link
         * #PRESENT_KEY} for a present, non-special PTE when FILE is not asked for, else all.
         */
        private long keyOf(long pte) {
            return (pte & (PteLayout.PRESENT | PteLayout.SPECIAL)) == PteLayout.PRESENT && !askedFile ? PRESENT_KEY : -1L;
        }

        /**
         * {@code make_uffd_wp_pte} as the walk visits the entry: what {@code uffd_wp_range} does
         * (present PTEs uffd-wp, none ones markers), and besides, guard and poison markers get the
         * swap entry's uffd-wp bit, as every swap-format entry does here; they stop being WRITTEN.
         */
        private void makeUffdWpPte(long pte, int table, int index) {
            long updated = ProtectCall.changedPte(mm, vma, pte, prot, ProtectCall.CP_UFFD_WP, true);
            if (SwapEntryLayout.isMarker(updated) && !UffdWriteProtect.isProtected(updated)) {
                updated |= SwapEntryLayout.UFFD_WP;
            }
            mm.updatePte(table, index, pte, updated);
        }

        /** {@code pagemap_scan_pte_hole}: no PTE table; written only in a uffd-wp registered VMA. */
        @Override
        public void hole(long start, long end) {
            if (!stopped) {
                long wpEnd = output(classify(vmaCategories | (holeWritten ? PAGE_IS_WRITTEN : 0)), start, end);
                if (wpEnd != start) {
                    protect(start, wpEnd);
                }
            }
        }

        /**
         * The class of a page of {@code categories}: {@link #NO_MATCH}, or the categories it
         * returns, with {@link #PROTECT} if WP_MATCHING protects it. Pages of one class are
         * alike to the scan.
         */
        private long classify(long categories) {
            if (!interesting(categories)) {
                return NO_MATCH;
            }
            boolean wp = wpMatching && (categories & PAGE_IS_WRITTEN) != 0;
            return (categories & a.returnMask()) | (wp ? PROTECT : 0);
        }

        /** The class of PTE {@code pte} of the current VMA, the long way only where the entry needs it. */
        private long classOf(long pte) {
            if (pte == 0) {
                return noneClass;
            }
            if ((pte & (PteLayout.PRESENT | PteLayout.SPECIAL)) == PteLayout.PRESENT && !askedFile) {
                return presentClass[((pte & PteLayout.UFFD_WP) != 0 ? 1 : 0) | ((pte & PteLayout.SOFT_DIRTY) != 0 ? 2 : 0)];
            }
            if (pte != lastEntry) {
                lastEntry = pte;
                lastClass = classify(vmaCategories | pageCategories(pte));
            }
            return lastClass;
        }

        /**
         * The pages [start, end), all of class {@code cls}: if they match, {@code
         * pagemap_scan_output} (cut at {@code max_pages}, or refused when the bounce buffer or the
         * vector is full, which stops the walk). Returns where the pages to write-protect end:
         * with WP_MATCHING the written ones that were taken, else none ({@code start}).
         */
        private long output(long cls, long start, long end) {
            if (cls == NO_MATCH) {
                return start;
            }
            long next = end;
            if (output) {
                long pages = (end - start) >>> PAGE_SHIFT;
                long total = foundPages + pages;
                if (Long.compareUnsigned(total, foundPages) < 0 || Long.compareUnsigned(total, a.maxPages()) > 0) {
                    next = end - ((total - a.maxPages()) << PAGE_SHIFT);
                    stopped = true;
                }
                if (next != start && !push(cls & ~PROTECT, start, next)) {
                    next = start;
                    stopped = true;
                }
                foundPages += (next - start) >>> PAGE_SHIFT;
                if (stopped) {
                    walkEnd = next;
                }
            }
            return (cls & PROTECT) != 0 ? next : start;
        }

        /** Notes [start, end) for write protection, merged with the run before it. */
        private void protect(long start, long end) {
            long[] last = protect.isEmpty() ? null : protect.getLast();
            if (last != null && last[1] == start) {
                last[1] = end;
            } else {
                protect.add(new long[] {start, end});
            }
        }

        /**
         * {@code pagemap_scan_push_range}: extends the growing region or starts one; false when
         * the bounce buffer has no room for another.
         */
        private boolean push(long categories, long start, long end) {
            if (start == curEnd && categories == curCategories) {
                curEnd = end;
                return true;
            }
            if (curEnd != 0) {
                if (bounced >= bounceLen - 1) {
                    return false;
                }
                bounce(bounced++);
            }
            curStart = start;
            curEnd = end;
            curCategories = categories;
            return true;
        }

        /** Puts the growing region into the bounce buffer's slot {@code slot}. */
        private void bounce(int slot) {
            int at = slot * PageRegionLayout.SIZE;
            U64.set(bounce, at + PageRegionLayout.START_OFFSET, curStart);
            U64.set(bounce, at + PageRegionLayout.END_OFFSET, curEnd);
            U64.set(bounce, at + PageRegionLayout.CATEGORIES_OFFSET, curCategories);
        }

        /**
         * {@code pagemap_scan_flush_buffer}: copies the bounce buffer's regions, the growing one
         * if not empty, to the vector and empties it. Returns the regions copied, or -1 if the
         * copy faulted.
         */
        long flush() {
            int n = bounced;
            if (curEnd != curStart) {
                bounce(n++);
            }
            if (n == 0) {
                return 0;
            }
            if (UserCopy.copyToUser(caller, vecOut, bounce, 0, n * PageRegionLayout.SIZE) != 0) {
                return -1;
            }
            vecLeft -= n;
            vecOut += (long) n * PageRegionLayout.SIZE;
            bounced = 0;
            bounceLen = Long.compareUnsigned(vecLeft, bounceLen) < 0 ? (int) vecLeft : bounceLen;
            curStart = 0;
            curEnd = 0;
            return n;
        }

        /** {@code pagemap_scan_is_interesting_page}. */
        private boolean interesting(long categories) {
            long c = categories ^ a.inverted();
            return (c & a.mask()) == a.mask() && (a.anyof() == 0 || (c & a.anyof()) != 0);
        }

        /** {@code pagemap_page_category} of a PTE in a table: a none PTE there counts as written. */
        private long pageCategories(long pte) {
            if (pte == 0) {
                return PAGE_IS_WRITTEN;
            }
            long categories = UffdWriteProtect.isProtected(pte) ? 0 : PAGE_IS_WRITTEN;
            if (PteLayout.isPresent(pte)) {
                categories |= PAGE_IS_PRESENT;
                int pfn = (int) PteLayout.pfn(pte);
                if (pfn == PhysicalMemory.ZERO_PFN && PteLayout.isSpecial(pte)) {
                    categories |= PAGE_IS_PFNZERO;
                } else if (askedFile && !PteLayout.isSpecial(pte) && !mm.memory.test(pfn, PhysicalMemory.PG_ANON)) {
                    categories |= PAGE_IS_FILE;
                }
                if (PteLayout.isSoftDirty(pte)) {
                    categories |= PAGE_IS_SOFT_DIRTY;
                }
                return categories;
            }
            categories |= PAGE_IS_SWAPPED;
            if ((PteMarkerLayout.bits(pte) & PteMarkerLayout.GUARD) != 0) {
                categories |= PAGE_IS_GUARD;
            }
            if ((pte & SwapEntryLayout.SOFT_DIRTY) != 0) {
                categories |= PAGE_IS_SOFT_DIRTY;
            }
            return categories;
        }
    }
}
