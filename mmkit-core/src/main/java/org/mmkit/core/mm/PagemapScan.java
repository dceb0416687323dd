package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
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
 */
final class PagemapScan {
    /** Every category 6.18 knows ({@code PM_SCAN_CATEGORIES}). */
    private static final long CATEGORIES = PAGE_IS_WPALLOWED | PAGE_IS_WRITTEN | PAGE_IS_FILE | PAGE_IS_PRESENT
            | PAGE_IS_SWAPPED | PAGE_IS_PFNZERO | PAGE_IS_HUGE | PAGE_IS_SOFT_DIRTY | PAGE_IS_GUARD;
    private static final long FLAGS = PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC;
    /** A region's u64 words: start, end, categories, at {@link PageRegionLayout}'s offsets 0, 8 and 16. */
    private static final int REGION_WORDS = PageRegionLayout.SIZE / Long.BYTES;
    /** Regions kept before the first growth of {@link Scan#regions}. */
    private static final int INITIAL_REGIONS = 64;

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
        Args a = getArgs(caller, arg);
        Scan scan = new Scan(mm, a);
        Errno refused = null;
        try {
            scan.run();
        } catch (Refused e) {
            refused = Errno.EPERM;
        }
        // the regions' words are the vector's little-endian u64s, in struct page_region's order
        byte[] out = new byte[scan.regionCount * PageRegionLayout.SIZE];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().put(scan.regions, 0,
                scan.regionCount * REGION_WORDS);
        if (a.vecLen() != 0 && !vectorWritable(caller, a.vec(), out)) {
            // the regions are flushed first; walk_end is still written back
            refused = Errno.EFAULT;
        }
        // a walk that nothing stopped leaves walk_end at 0, which pagemap_scan_writeback_args turns into end
        long walkEnd = scan.walkEnd != 0 ? scan.walkEnd : a.end();
        UserfaultfdCalls.putU64(caller, arg + PmScanArgLayout.WALK_END_OFFSET, walkEnd);
        if (refused != null) {
            throw refused.exception();
        }
        return scan.regionCount;
    }

    /**
     * Copies the regions into the vector; false if it faults. A scan that found nothing still
     * needs the vector's first region to be writable, as this kernel answers EFAULT then too
     * (observed; kernel-spec §2.2): that region is read and written back unchanged.
     */
    private static boolean vectorWritable(Task caller, long vec, byte[] regions) {
        byte[] bytes = regions;
        if (bytes.length == 0) {
            bytes = new byte[PageRegionLayout.SIZE];
            if (UserCopy.copyFromUser(caller, vec, bytes, 0, bytes.length) != 0) {
                return false;
            }
        }
        return UserCopy.copyToUser(caller, vec, bytes, 0, bytes.length) == 0;
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

    /** One scan: the walk over the VMAs of the range ({@code struct pagemap_scan_private}). */
    private static final class Scan implements PageWalk.Visitor {
        private final Mm mm;
        private final Args a;
        /** Whether regions are kept: the kernel has no bounce buffer when {@code vec_len} is 0. */
        private final boolean output;
        /**
         * WP_MATCHING without output: {@code pagemap_scan_pmd_entry}'s fast path protects every
         * PTE not yet protected, whatever the masks say.
         */
        private final boolean protectAll;
        /**
         * The regions so far, {@link #REGION_WORDS} words each (start, end, categories), of which
         * the first {@link #regionCount} are used; the last may still grow.
         */
        long[] regions;
        int regionCount;
        /** Pages put into regions ({@code found_pages}), unsigned. */
        private long foundPages;
        /** Where the walk stopped early, or 0. */
        long walkEnd;
        private boolean stopped;
        private Vma vma;
        private long vmaCategories;
        /** Whether a none PTE outside any table counts as written here (uffd-wp registered VMA). */
        private boolean holeWritten;
        /**
         * Whether any mask names FILE: only then is a page's folio looked at
         * ({@code p->masks_of_interest & PAGE_IS_FILE} in {@code pagemap_page_category}).
         */
        private final boolean askedFile;
        /** The VMA's page protection, for the PTEs the walk protects ({@code vm_page_prot}). */
        private long prot;
        /** The matching written holes of this VMA (no PTE table), to write-protect once its walk is done. */
        private final List<long[]> protect = new ArrayList<>();

        Scan(Mm mm, Args a) {
            this.mm = mm;
            this.a = a;
            this.output = a.vecLen() != 0;
            this.protectAll = !output && (a.flags() & PM_SCAN_WP_MATCHING) != 0;
            this.askedFile = ((a.mask() | a.inverted() | a.anyof() | a.returnMask()) & PAGE_IS_FILE) != 0;
            this.regions = new long[(int) Math.min(a.vecLen(), INITIAL_REGIONS) * REGION_WORDS];
        }

        /** {@code walk_page_range} with {@code pagemap_scan_test_walk} deciding each VMA. */
        void run() {
            if (a.start() == a.end()) {
                return; // do_pagemap_scan's loop walks nothing: no VMA is tested, not even the one at start
            }
            for (Vma v = mm.findVma(a.start()); v != null && v.start < a.end() && !stopped; v = mm.next(v)) {
                boolean wpAllowed = UffdWriteProtect.isAsync(v) && UffdWriteProtect.usesMarkers(v);
                if (!wpAllowed) {
                    if ((a.flags() & PM_SCAN_CHECK_WPASYNC) != 0) {
                        throw new Refused();
                    }
                    if ((a.flags() & PM_SCAN_WP_MATCHING) != 0) {
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
                vma = v;
                vmaCategories = categories;
                holeWritten = v.has(VmFlags.UFFD_WP);
                prot = Fault.pageProt(v);
                protect.clear();
                // PTEs protected during the walk and the holes after it share one shootdown at the end
                mm.batchFlushes(() -> {
                    PageWalk.walk(mm.pageTables, Math.max(a.start(), vma.start), Math.min(a.end(), vma.end), this);
                    for (long[] run : protect) {
                        makeUffdWp(vma, run[0], run[1]);
                    }
                });
            }
        }

        /**
         * {@code make_uffd_wp_pte} over [start, end), which has no PTE table yet: {@code
         * uffd_wp_range} allocates the tables and installs markers.
         */
        private void makeUffdWp(Vma v, long start, long end) {
            UffdWriteProtect.uffdWpRange(mm, v, start, end, true);
        }

        @Override
        public void pte(long va, long pte, int table, int index) {
            boolean wp;
            if (protectAll) {
                wp = !UffdWriteProtect.isProtected(pte);
            } else {
                wp = !stopped && page(va, va + PAGE_SIZE, vmaCategories | pageCategories(pte)) != va;
            }
            if (wp) {
                makeUffdWpPte(pte, table, index);
            }
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
                long wpEnd = page(start, end, vmaCategories | (holeWritten ? PAGE_IS_WRITTEN : 0));
                if (wpEnd != start) {
                    protect(start, wpEnd);
                }
            }
        }

        /**
         * The pages [start, end), all of {@code categories}: if they match, {@code
         * pagemap_scan_output} (cut at {@code max_pages}, or refused when no region is left).
         * Returns where the pages to write-protect end: with WP_MATCHING the written ones that were
         * taken, else none ({@code start}).
         */
        private long page(long start, long end, long categories) {
            if (!interesting(categories)) {
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
                if (next != start && !push(categories & a.returnMask(), start, next)) {
                    next = start;
                    stopped = true;
                }
                foundPages += (next - start) >>> PAGE_SHIFT;
                if (stopped) {
                    walkEnd = next;
                }
            }
            boolean wp = (a.flags() & PM_SCAN_WP_MATCHING) != 0 && (categories & PAGE_IS_WRITTEN) != 0;
            return wp ? next : start;
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

        /** {@code pagemap_scan_push_range}: extends the last region or starts one; false when {@code vec} is full. */
        private boolean push(long categories, long start, long end) {
            int last = (regionCount - 1) * REGION_WORDS;
            if (regionCount > 0 && regions[last + 2] == categories && regions[last + 1] == start) {
                regions[last + 1] = end;
                return true;
            }
            if (regionCount >= a.vecLen()) {
                return false;
            }
            int at = regionCount * REGION_WORDS;
            if (at == regions.length) {
                regions = Arrays.copyOf(regions, (int) Math.min(2L * regionCount, a.vecLen()) * REGION_WORDS);
            }
            regions[at] = start;
            regions[at + 1] = end;
            regions[at + 2] = categories;
            regionCount++;
            return true;
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
