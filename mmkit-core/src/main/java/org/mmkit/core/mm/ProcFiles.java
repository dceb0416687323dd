package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SHIFT;
import static org.mmkit.core.Uapi.PAGE_SIZE;

import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PageWalk;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * {@code /proc/PID/maps} and {@code smaps} ({@code fs/proc/task_mmu.c}), in the kernel's exact
 * text; pagemap is {@link PagemapRead}.
 */
final class ProcFiles {
    private ProcFiles() {
    }

    /** Column where the name starts in a maps line ({@code 25 + sizeof(void *) * 6}). */
    private static final int NAME_COLUMN = 73;
    /** {@code PSS_SHIFT}: fixed-point precision of Pss sums. */
    private static final int PSS_SHIFT = 12;
    private static final String SHMEM_DEVICE = "00:01";
    private static final String ANON_DEVICE = "00:00";

    /** Characters of a maps line without a name, to size the text up front. */
    private static final int ANON_LINE_CHARS = 50;
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    static String maps(Mm mm) {
        StringBuilder out = new StringBuilder(mm.mapCount() * ANON_LINE_CHARS);
        for (var entry : mm.vmas.entries()) {
            header(out, entry.value());
        }
        return out.toString();
    }

    /** {@code show_map_vma}: one maps line. */
    private static void header(StringBuilder out, Vma vma) {
        int lineStart = out.length();
        headerPrefix(out, vma.start, vma.end, vma.flags, vma.file == null ? 0 : vma.pgoff << PAGE_SHIFT,
                vma.file == null ? ANON_DEVICE : SHMEM_DEVICE, vma.file == null ? 0 : vma.file.inode);
        String name = name(vma);
        if (name != null) {
            name(out, lineStart, name);
        }
        out.append('\n');
    }

    /**
     * {@code show_vma_header_prefix}: range, permissions of {@code flags}, offset, device and
     * inode, built as the kernel's {@code seq_put_hex_ll} builds them.
     */
    static void headerPrefix(StringBuilder out, long start, long end, long flags, long offset, String device, long inode) {
        hex(out, start, 8);
        out.append('-');
        hex(out, end, 8);
        out.append(' ')
                .append((flags & VmFlags.READ) != 0 ? 'r' : '-')
                .append((flags & VmFlags.WRITE) != 0 ? 'w' : '-')
                .append((flags & VmFlags.EXEC) != 0 ? 'x' : '-')
                .append((flags & VmFlags.MAYSHARE) != 0 ? 's' : 'p')
                .append(' ');
        hex(out, offset, 8);
        out.append(' ').append(device).append(' ').append(inode).append(' ');
    }

    /** {@code seq_pad} to the name column of the line starting at {@code lineStart}, then the name. */
    static void name(StringBuilder out, int lineStart, String name) {
        while (out.length() - lineStart < NAME_COLUMN) {
            out.append(' ');
        }
        out.append(name);
    }

    /** {@code get_vma_name}: the file, else {@code [heap]}, else the VMA's anonymous name, or null. */
    private static String name(Vma vma) {
        if (vma.file != null) {
            return vma.anonName != null ? AnonNames.mapsName(vma) : vma.file.mapsName;
        }
        if (BrkCall.isInitialHeap(vma)) {
            return "[heap]";
        }
        return AnonNames.mapsName(vma);
    }

    /** {@code seq_put_hex_ll}: {@code value} as unsigned lower-case hex, zero-padded to {@code width} digits. */
    private static void hex(StringBuilder out, long value, int width) {
        int digits = Math.max(width, (Long.SIZE - Long.numberOfLeadingZeros(value) + 3) / 4);
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            out.append(HEX_DIGITS[(int) (value >>> shift) & 0xf]);
        }
    }

    static String smaps(Mm mm) {
        StringBuilder out = new StringBuilder();
        for (var entry : mm.vmas.entries()) {
            Vma vma = entry.value();
            header(out, vma);
            SmapsCounts c = count(mm, vma, new SmapsCounts());
            field(out, "Size", vma.end - vma.start);
            field(out, "KernelPageSize", PAGE_SIZE);
            field(out, "MMUPageSize", PAGE_SIZE);
            showSmap(out, c, false);
            column(out, "THPeligible", thpEligible(vma) ? 1 : 0).append('\n');
            out.append("VmFlags: ").append(VmFlags.mnemonics(vma.flags)).append('\n');
        }
        return out.toString();
    }

    /**
     * {@code __show_smap}: the sums of {@code c}, Rss to Locked; {@code rollup} adds the
     * Pss_Anon/File/Shmem split that only smaps_rollup shows.
     */
    static void showSmap(StringBuilder out, SmapsCounts c, boolean rollup) {
        field(out, "Rss", c.resident);
        field(out, "Pss", c.pss >> PSS_SHIFT);
        field(out, "Pss_Dirty", c.pssDirty >> PSS_SHIFT);
        if (rollup) {
            field(out, "Pss_Anon", c.pssAnon >> PSS_SHIFT);
            field(out, "Pss_File", c.pssFile >> PSS_SHIFT);
            field(out, "Pss_Shmem", c.pssShmem >> PSS_SHIFT);
        }
        field(out, "Shared_Clean", c.sharedClean);
        field(out, "Shared_Dirty", c.sharedDirty);
        field(out, "Private_Clean", c.privateClean);
        field(out, "Private_Dirty", c.privateDirty);
        field(out, "Referenced", c.referenced);
        field(out, "Anonymous", c.anonymous);
        field(out, "KSM", 0);
        field(out, "LazyFree", c.lazyFree);
        field(out, "AnonHugePages", 0);
        field(out, "ShmemPmdMapped", 0);
        field(out, "FilePmdMapped", 0);
        field(out, "Shared_Hugetlb", 0);
        field(out, "Private_Hugetlb", 0);
        field(out, "Swap", c.swap);
        field(out, "SwapPss", c.swapPss >> PSS_SHIFT);
        field(out, "Locked", c.pssLocked >> PSS_SHIFT);
    }

    private static void field(StringBuilder out, String name, long bytes) {
        column(out, name, bytes >> 10).append(" kB\n");
    }

    /** {@code SEQ_PUT_DEC}: {@code name:} padded to 16 characters, then {@code value} (not negative)
     * right-aligned in 8. */
    private static StringBuilder column(StringBuilder out, String name, long value) {
        int start = out.length();
        out.append(name).append(':');
        while (out.length() - start < 16) {
            out.append(' ');
        }
        int digits = 1;
        for (long rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        for (int pad = 8 - digits; pad > 0; pad--) {
            out.append(' ');
        }
        return out.append(value);
    }

    /** THP (enabled=madvise) may back this VMA: private anonymous, MADV_HUGEPAGE, holds an aligned 2 MiB. */
    private static boolean thpEligible(Vma vma) {
        long alignedStart = (vma.start + (2L << 20) - 1) & -(2L << 20);
        return vma.file == null && !vma.has(VmFlags.SHARED) && vma.has(VmFlags.HUGEPAGE)
                && !vma.has(VmFlags.NOHUGEPAGE) && (vma.flags & VmFlags.SPECIAL) == 0
                && alignedStart + (2L << 20) <= vma.end;
    }

    /** The sums of {@code smaps_pte_entry} / {@code smaps_account} over VMAs (bytes; Pss in fixed point). */
    static final class SmapsCounts {
        long resident;
        long pss;
        long pssDirty;
        long pssAnon;
        long pssFile;
        long pssShmem;
        long pssLocked;
        long sharedClean;
        long sharedDirty;
        long privateClean;
        long privateDirty;
        long referenced;
        long anonymous;
        long lazyFree;
        long swap;
        long swapPss;
    }

    /**
     * Adds {@code vma}'s pages to {@code c}; returns it. A shmem VMA's pages out in swap count in
     * {@code Swap} as {@code smap_gather_stats} counts them: all of its range at once for a shared
     * or read-only VMA (or one with none), else per empty PTE, so that a private writable
     * mapping does not count the file's slot under an anonymous copy (nor under a PTE marker).
     */
    static SmapsCounts count(Mm mm, Vma vma, SmapsCounts c) {
        ShmemFile file = vma.file;
        long swapped = file == null ? 0 : file.swappedPages(vma.pgoff, vma.pgoff + vma.pages());
        boolean perPte = swapped != 0 && !vma.has(VmFlags.SHARED) && vma.has(VmFlags.WRITE);
        if (!perPte) {
            c.swap += swapped << PAGE_SHIFT;
        }
        PageWalk.walk(mm.pageTables, vma.start, vma.end, new PageWalk.Visitor() {
            @Override
            public void pte(long va, long pte, int table, int index) {
                if (PteLayout.isPresent(pte) && !PteLayout.isSpecial(pte)) {
                    account(c, mm.memory, vma, pte);
                } else if (Mm.isSwapEntry(pte)) {
                    // smaps_pte_entry: a slot that n entries point at adds 1/n of a page to SwapPss
                    int count = mm.machine.swap.area(pte).count(SwapEntryLayout.offset(pte));
                    c.swap += PAGE_SIZE;
                    c.swapPss += (PAGE_SIZE << PSS_SHIFT) / Math.max(count, 1);
                } else if (perPte && pte == 0) {
                    hole(va, va + PAGE_SIZE); // smaps_pte_hole_lookup
                }
            }

            @Override
            public void hole(long start, long end) {
                if (perPte) { // smaps_pte_hole
                    c.swap += file.swappedPages(vma.pageIndex(start), vma.pageIndex(end)) << PAGE_SHIFT;
                }
            }
        });
        return c;
    }

    /** {@code smaps_pte_entry} + {@code smaps_account} for one present, non-special PTE. */
    private static void account(SmapsCounts c, PhysicalMemory memory, Vma vma, long pte) {
        int pfn = (int) PteLayout.pfn(pte);
        boolean anon = memory.test(pfn, PhysicalMemory.PG_ANON);
        boolean dirty = PteLayout.isDirty(pte) || memory.test(pfn, PhysicalMemory.PG_DIRTY);
        c.resident += PAGE_SIZE;
        if (PteLayout.isYoung(pte) || memory.test(pfn, PhysicalMemory.PG_REFERENCED)) {
            c.referenced += PAGE_SIZE;
        }
        if (anon) {
            c.anonymous += PAGE_SIZE;
            if (!memory.test(pfn, PhysicalMemory.PG_SWAPBACKED) && !dirty) {
                c.lazyFree += PAGE_SIZE;
            }
        }
        int mapcount = memory.mapcount(pfn);
        boolean isPrivate = memory.refcount(pfn) == 1 || mapcount < 2;
        long pss = isPrivate ? PAGE_SIZE << PSS_SHIFT : (PAGE_SIZE << PSS_SHIFT) / mapcount;
        c.pss += pss;
        if (anon) {
            c.pssAnon += pss;
        } else if (memory.test(pfn, PhysicalMemory.PG_SWAPBACKED)) {
            c.pssShmem += pss;
        } else {
            c.pssFile += pss;
        }
        if (vma.has(VmFlags.LOCKED)) {
            c.pssLocked += pss;
        }
        if (dirty) {
            c.pssDirty += pss;
            if (isPrivate) {
                c.privateDirty += PAGE_SIZE;
            } else {
                c.sharedDirty += PAGE_SIZE;
            }
        } else if (isPrivate) {
            c.privateClean += PAGE_SIZE;
        } else {
            c.sharedClean += PAGE_SIZE;
        }
    }
}
