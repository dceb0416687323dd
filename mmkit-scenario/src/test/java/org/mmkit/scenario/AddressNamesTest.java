package org.mmkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link AddressNames} finds names with sorted maps; these tests hold it to the naming rules it
 * had when it scanned every region for every address (the oracle below is that scan), on
 * overlapping, nested, repeated and adjacent regions.
 */
class AddressNamesTest {
    private static final long BASE = 0x7f0000000000L;
    private static final long PAGE = 4096;

    /** The former implementation: every region, every time. */
    private static final class Scan {
        private record Region(String name, long start, long length) {
        }

        private final List<Region> named = new ArrayList<>();
        private final List<Region> mapped = new ArrayList<>();

        void mapped(String name, long start, long length) {
            Region r = new Region(name, start, length);
            mapped.add(r);
            if (name != null) {
                named.add(r);
            }
        }

        boolean touchesScenario(long start, long end) {
            return mapped.stream().anyMatch(r -> Long.compareUnsigned(start, r.start + r.length) < 0
                    && Long.compareUnsigned(r.start, end) < 0);
        }

        String format(long addr) {
            Region r = nearest(addr);
            return r == null ? "<addr>" : relative(r.name, addr - r.start);
        }

        String formatEnd(long end) {
            Region r = nearest(end - 1);
            return r == null ? "<addr>" : relative(r.name, end - r.start);
        }

        private Region nearest(long addr) {
            Region best = null;
            long bestOffset = -1;
            for (Region r : named) {
                long off = addr - r.start;
                if (off >= 0 && Long.compareUnsigned(off, r.length) < 0 && (best == null || off < bestOffset)) {
                    best = r;
                    bestOffset = off;
                }
            }
            return best;
        }

        private static String relative(String name, long offset) {
            return offset == 0 ? name : name + "+0x" + Long.toHexString(offset);
        }
    }

    @Test
    void namesAsTheFormerScanDidOnRandomOverlappingRegions() {
        long seed = System.nanoTime();
        System.out.println("AddressNamesTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            AddressNames names = new AddressNames(false);
            Scan scan = new Scan();
            int regions = 1 + random.nextInt(40);
            for (int i = 0; i < regions; i++) {
                // a small window of pages, so that regions overlap, nest, repeat and touch
                long start = BASE + random.nextInt(64) * PAGE;
                long length = (1 + random.nextInt(16)) * PAGE;
                String name = random.nextInt(4) == 0 ? null : "r" + i;
                names.mapped(name, start, length);
                scan.mapped(name, start, length);
            }
            for (long addr = BASE - 2 * PAGE; addr < BASE + 82 * PAGE; addr += PAGE / 2) {
                String where = "seed " + seed + " round " + round + " address 0x" + Long.toHexString(addr);
                assertThat(names.format(addr)).as(where).isEqualTo(scan.format(addr));
                assertThat(names.formatEnd(addr)).as(where).isEqualTo(scan.formatEnd(addr));
                assertThat(names.isNamed(addr)).as(where).isEqualTo(!scan.format(addr).equals("<addr>"));
                long end = addr + random.nextInt(4) * PAGE + 1;
                assertThat(names.touchesScenario(addr, end)).as(where).isEqualTo(scan.touchesScenario(addr, end));
            }
        }
    }

    @Test
    void aLaterRegionStartingHigherWinsInsideAnEarlierOneAndTheEarlierKeepsTheRest() {
        AddressNames names = new AddressNames(false);
        names.mapped("big", BASE, 8 * PAGE);
        names.mapped("inner", BASE + 2 * PAGE, 2 * PAGE);
        names.mapped("lower", BASE - PAGE, 4 * PAGE);
        assertThat(names.format(BASE - PAGE)).isEqualTo("lower");
        assertThat(names.format(BASE + PAGE)).isEqualTo("big+0x1000");
        assertThat(names.format(BASE + 2 * PAGE)).isEqualTo("inner");
        assertThat(names.format(BASE + 4 * PAGE)).isEqualTo("big+0x4000");
        assertThat(names.formatEnd(BASE + 4 * PAGE)).isEqualTo("inner+0x2000");
    }

    @Test
    void anUnmappedRegionKeepsItsName() {
        AddressNames names = new AddressNames(false);
        names.mapped("a", BASE, 2 * PAGE);
        // the runner never forgets a region: a later mapping at the same place still prints as a
        names.mapped("b", BASE, PAGE);
        assertThat(names.format(BASE)).isEqualTo("a");
        assertThat(names.format(BASE + PAGE)).isEqualTo("a+0x1000");
    }
}
