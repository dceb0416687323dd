package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PAGEMAP_SCAN through a descriptor of /proc/self/pagemap: the observed example of kernel-spec
 * §2.6 and a seeded comparison with a reference of the categories of anonymous pages.
 */
class PagemapScanTest {
    private static final int PAGES = 64;
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    /** The pm_scan_arg, then the path, then the vector. */
    private final long scratch = Syscalls.anon(p, 4);
    private final int pm = open();

    @AfterEach
    void close() {
        kernel.close();
    }

    private int open() {
        byte[] path = "/proc/self/pagemap\0".getBytes(StandardCharsets.US_ASCII);
        p.store(scratch + PAGE_SIZE, path);
        return p.openat(AT_FDCWD, scratch + PAGE_SIZE, O_RDONLY, 0);
    }

    /** One scan; returns the regions written, each {start, end, categories}, then {walk_end}. */
    private List<long[]> scan(long flags, long start, long end, long vecLen, long maxPages, long mask, long inverted,
            long anyof, long returnMask) {
        return PagemapScans.scan(p, pm, scratch, scratch + 2 * PAGE_SIZE, flags, start, end, vecLen, maxPages, mask,
                inverted, anyof, returnMask);
    }

    @Test
    void observedExampleWithGuard() {
        long a = Syscalls.anon(p, 16);
        p.store(a, new byte[2 * (int) PAGE_SIZE]);
        p.store(a + 4 * PAGE_SIZE, new byte[2 * (int) PAGE_SIZE]);
        p.madvise(a + 8 * PAGE_SIZE, PAGE_SIZE, MADV_GUARD_INSTALL);
        List<long[]> got = scan(0, a, a + 16 * PAGE_SIZE, 16, 0, 0, 0, 0, 0x1ff);
        long w = PAGE_IS_WRITTEN;
        assertThat(got).containsExactly(
                new long[] {a, a + 2 * PAGE_SIZE, w | PAGE_IS_PRESENT},
                new long[] {a + 2 * PAGE_SIZE, a + 4 * PAGE_SIZE, w},
                new long[] {a + 4 * PAGE_SIZE, a + 6 * PAGE_SIZE, w | PAGE_IS_PRESENT},
                new long[] {a + 6 * PAGE_SIZE, a + 8 * PAGE_SIZE, w},
                new long[] {a + 8 * PAGE_SIZE, a + 9 * PAGE_SIZE, w | PAGE_IS_SWAPPED | PAGE_IS_GUARD},
                new long[] {a + 9 * PAGE_SIZE, a + 16 * PAGE_SIZE, w},
                new long[] {a + 16 * PAGE_SIZE});
        assertThat(scan(0, a, a + 16 * PAGE_SIZE, 16, 3, PAGE_IS_PRESENT, 0, 0, PAGE_IS_PRESENT))
                .containsExactly(new long[] {a, a + 2 * PAGE_SIZE, PAGE_IS_PRESENT},
                        new long[] {a + 4 * PAGE_SIZE, a + 5 * PAGE_SIZE, PAGE_IS_PRESENT},
                        new long[] {a + 5 * PAGE_SIZE});
    }

    /**
     * Random writes and DONTNEEDs in one PTE table, then random masks, limits and vector lengths,
     * against a reference that knows each page is WRITTEN and, if resident, PRESENT.
     */
    @Test
    void randomScansMatchTheReference() {
        long seed = System.nanoTime();
        System.out.println("PagemapScanTest seed " + seed);
        Random random = new Random(seed);
        long a = Syscalls.anon(p, PAGES);
        boolean[] present = new boolean[PAGES];
        Arrays.fill(present, true);
        p.store(a, new byte[PAGES * (int) PAGE_SIZE]);
        for (int round = 0; round < 300; round++) {
            int page = random.nextInt(PAGES);
            if (random.nextInt(3) == 0) {
                p.madvise(a + page * PAGE_SIZE, PAGE_SIZE, MADV_DONTNEED);
                present[page] = false;
            } else {
                p.store(a + page * PAGE_SIZE, new byte[] {1});
                present[page] = true;
            }
            RandomScan scan = RandomScan.draw(random, PAGE_IS_WRITTEN | PAGE_IS_PRESENT, 0);
            assertThat(scan(a, scan)).as("seed %d round %d", seed, round)
                    .containsExactlyElementsOf(scan.expected(a, categoriesOf(present)));
        }
    }

    /**
     * Random writes, reads and DONTNEEDs in a WP_ASYNC tracked range, and random scans with and
     * without WP_MATCHING, against a reference that knows per page whether it is resident and
     * whether it is write-protected: WP_MATCHING protects exactly the WRITTEN pages it reported.
     */
    @Test
    void randomWpMatchingScansMatchTheReference() {
        long seed = System.nanoTime();
        System.out.println("PagemapScanTest WP_MATCHING seed " + seed);
        Random random = new Random(seed);
        long a = Syscalls.anon(p, PAGES);
        p.store(a, new byte[PAGES / 2 * (int) PAGE_SIZE]);
        boolean[] present = new boolean[PAGES];
        Arrays.fill(present, 0, PAGES / 2, true);
        boolean[] protect = new boolean[PAGES];
        Arrays.fill(protect, true);
        Uffd uffd = Uffd.open(p, UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED);
        uffd.register(a, PAGES * PAGE_SIZE, UFFDIO_REGISTER_MODE_WP);
        scan(PM_SCAN_WP_MATCHING, a, a + PAGES * PAGE_SIZE, 0, 0, 0, 0, 0, 0); // no vector: protects every page
        long[] categories = new long[PAGES];
        for (int round = 0; round < 300; round++) {
            int page = random.nextInt(PAGES);
            switch (random.nextInt(4)) {
                case 0 -> {
                    p.madvise(a + page * PAGE_SIZE, PAGE_SIZE, MADV_DONTNEED); // drops an anonymous marker too
                    present[page] = false;
                    protect[page] = false;
                }
                case 1 -> {
                    p.load(a + page * PAGE_SIZE, new byte[1]); // a read keeps the protection of a marker
                    present[page] = true;
                }
                default -> {
                    p.store(a + page * PAGE_SIZE, new byte[] {1});
                    present[page] = true;
                    protect[page] = false;
                }
            }
            for (int i = 0; i < PAGES; i++) {
                categories[i] = PAGE_IS_WPALLOWED | (present[i] ? PAGE_IS_PRESENT : protect[i] ? PAGE_IS_SWAPPED : 0)
                        | (protect[i] ? 0 : PAGE_IS_WRITTEN);
            }
            long flags = random.nextBoolean() ? PM_SCAN_WP_MATCHING : 0;
            RandomScan scan = RandomScan.draw(random, PAGE_IS_WPALLOWED | PAGE_IS_WRITTEN | PAGE_IS_PRESENT | PAGE_IS_SWAPPED,
                    flags);
            List<long[]> expected = scan.expected(a, categories);
            assertThat(scan(a, scan)).as("seed %d round %d", seed, round).containsExactlyElementsOf(expected);
            if (flags != 0) {
                for (long[] region : expected.subList(0, expected.size() - 1)) {
                    for (long at = region[0]; at < region[1]; at += PAGE_SIZE) {
                        protect[(int) ((at - a) / PAGE_SIZE)] = true;
                    }
                }
            }
        }
    }

    /** The categories of pages that were each touched once: their PTE table exists, so a none PTE is WRITTEN. */
    private static long[] categoriesOf(boolean[] present) {
        long[] categories = new long[PAGES];
        for (int page = 0; page < PAGES; page++) {
            categories[page] = present[page] ? PAGE_IS_WRITTEN | PAGE_IS_PRESENT : PAGE_IS_WRITTEN;
        }
        return categories;
    }

    /** A scan of pages [from, to) with masks drawn from {@code bits}, a vector of 1 to 8 regions and a random page limit. */
    private record RandomScan(long flags, long mask, long inverted, long anyof, long returnMask, int vecLen,
            long maxPages, int from, int to) {
        static RandomScan draw(Random random, long bits, long flags) {
            long mask = random.nextLong() & bits;
            long inverted = random.nextLong() & bits;
            long anyof = random.nextLong() & bits;
            long returnMask = random.nextLong() & bits;
            int vecLen = 1 + random.nextInt(8);
            long maxPages = random.nextInt(PAGES);
            int from = random.nextInt(PAGES);
            int to = from + random.nextInt(PAGES - from + 1);
            return new RandomScan(flags, mask, inverted, anyof, returnMask, vecLen, maxPages, from, to);
        }

        /** What the scan must return over pages at {@code a} whose categories are {@code pageCategories}. */
        List<long[]> expected(long a, long[] pageCategories) {
            return reference(a, pageCategories, from, to, vecLen, maxPages, mask, inverted, anyof, returnMask);
        }
    }

    /** Runs {@code scan} over the pages at {@code a}. */
    private List<long[]> scan(long a, RandomScan scan) {
        return scan(scan.flags(), a + scan.from() * PAGE_SIZE, a + scan.to() * PAGE_SIZE, scan.vecLen(), scan.maxPages(),
                scan.mask(), scan.inverted(), scan.anyof(), scan.returnMask());
    }

    /** The regions and walk_end of a scan of pages [from, to) whose categories are known. */
    private static List<long[]> reference(long a, long[] pageCategories, int from, int to, int vecLen, long maxPages,
            long mask, long inverted, long anyof, long returnMask) {
        List<long[]> regions = new ArrayList<>();
        long walkEnd = a + to * PAGE_SIZE;
        long found = 0;
        long limit = maxPages == 0 ? Long.MAX_VALUE : maxPages;
        for (int page = from; page < to; page++) {
            long categories = pageCategories[page];
            long c = categories ^ inverted;
            if ((c & mask) != mask || (anyof != 0 && (c & anyof) == 0)) {
                continue;
            }
            long start = a + page * PAGE_SIZE;
            long[] last = regions.isEmpty() ? null : regions.getLast();
            boolean grows = last != null && last[1] == start && last[2] == (categories & returnMask);
            if (found == limit || (!grows && regions.size() == vecLen)) {
                walkEnd = start;
                break;
            }
            if (grows) {
                last[1] = start + PAGE_SIZE;
            } else {
                regions.add(new long[] {start, start + PAGE_SIZE, categories & returnMask});
            }
            found++;
        }
        regions.add(new long[] {walkEnd});
        return regions;
    }
}
