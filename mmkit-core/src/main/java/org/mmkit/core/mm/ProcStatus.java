package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.PAGE_SHIFT;

/**
 * The whole-process views of {@code /proc/PID}: the memory lines of {@code status}
 * ({@code task_mem}), {@code statm} ({@code task_statm}) and {@code smaps_rollup}
 * ({@code show_smaps_rollup}), all in {@code fs/proc/task_mmu.c}. They read the counters
 * {@link Mm} keeps; only smaps_rollup walks the page tables.
 */
final class ProcStatus {
    private ProcStatus() {
    }

    /** Sizes in {@code status} are kB: pages shifted by {@code PAGE_SHIFT - 10}. */
    private static final int PAGES_TO_KB = PAGE_SHIFT - 10;

    /**
     * The {@code Vm*} and {@code Rss*} lines of {@code /proc/PID/status} and the HugetlbPages line
     * after them, in the kernel's format. The model has no executable image ({@code start_code}
     * and {@code end_code} are 0), so VmExe is 0 and every executable mapping counts as VmLib; no
     * page is pinned long-term, so VmPin is 0; VmSwap is {@code MM_SWAPENTS}.
     */
    static String status(Mm mm) {
        long rss = mm.rssPages();
        long text = 0;
        StringBuilder out = new StringBuilder();
        line(out, "VmPeak", Math.max(mm.hiwaterVm, mm.totalVm) << PAGES_TO_KB);
        line(out, "VmSize", mm.totalVm << PAGES_TO_KB);
        line(out, "VmLck", mm.lockedVm << PAGES_TO_KB);
        line(out, "VmPin", 0);
        line(out, "VmHWM", Math.max(mm.hiwaterRss, rss) << PAGES_TO_KB);
        line(out, "VmRSS", rss << PAGES_TO_KB);
        line(out, "RssAnon", mm.rss[Mm.MM_ANONPAGES] << PAGES_TO_KB);
        line(out, "RssFile", mm.rss[Mm.MM_FILEPAGES] << PAGES_TO_KB);
        line(out, "RssShmem", mm.rss[Mm.MM_SHMEMPAGES] << PAGES_TO_KB);
        line(out, "VmData", mm.dataVm << PAGES_TO_KB);
        line(out, "VmStk", mm.stackVm << PAGES_TO_KB);
        line(out, "VmExe", text);
        line(out, "VmLib", (mm.execVm << PAGES_TO_KB) - text);
        // mm_pgtables_bytes counts PUD, PMD and PTE tables; the PGD comes with the mm
        line(out, "VmPTE", (long) (mm.pageTables.tableCount() - 1) << PAGES_TO_KB);
        line(out, "VmSwap", mm.swapEntries << PAGES_TO_KB);
        line(out, "HugetlbPages", 0); // hugetlb_report_usage
        return out.toString();
    }

    /** {@code SEQ_PUT_DEC}: {@code Name:\t}, the value right-aligned in 8 columns, {@code kB}. */
    private static void line(StringBuilder out, String name, long kb) {
        out.append(String.format("%s:\t%8d kB\n", name, kb));
    }

    /** {@code /proc/PID/statm}: size resident shared text lib data dt, in pages; lib and dt are always 0. */
    static String statm(Mm mm) {
        long shared = mm.rss[Mm.MM_FILEPAGES] + mm.rss[Mm.MM_SHMEMPAGES];
        long resident = shared + mm.rss[Mm.MM_ANONPAGES];
        return mm.totalVm + " " + resident + " " + shared + " 0 0 " + (mm.dataVm + mm.stackVm) + " 0\n";
    }

    /**
     * {@code show_smaps_rollup}: the smaps sums of every VMA added in fixed point before the
     * shift (so Pss may exceed the sum of the per-VMA lines), under one header spanning the first
     * VMA's start to the last one's end.
     */
    static String smapsRollup(Mm mm) {
        ProcFiles.SmapsCounts sums = new ProcFiles.SmapsCounts();
        long first = 0;
        long last = 0;
        for (var entry : mm.vmas.entries()) {
            Vma vma = entry.value();
            if (last == 0) {
                first = vma.start;
            }
            last = vma.end;
            ProcFiles.count(mm, vma, sums);
        }
        StringBuilder out = new StringBuilder();
        ProcFiles.headerPrefix(out, first, last, 0, 0, "00:00", 0);
        ProcFiles.name(out, 0, "[rollup]");
        out.append('\n');
        ProcFiles.showSmap(out, sums, true);
        return out.toString();
    }
}
