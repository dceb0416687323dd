package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;

/**
 * Seeded random steps over one private anonymous region in up to four processes — stores, loads,
 * MADV_PAGEOUT, MADV_DONTNEED, mprotect, mremap to and fro, fork and exit — with every word
 * checked against a shadow copy per process and the invariants (slot counts against the swap
 * entries of all page tables, the swap cache, refcounts, MM_SWAPENTS) after every step. The swap
 * area is small, so it also fills up. At the end every process exits and no slot stays in use.
 */
class SwapRandomizedTest {
    private static final int PAGES = 24;
    private static final int OPS = 1500;

    /** A process and what each page of its region must hold (one word per page). */
    private record Shadow(Task task, long[] words) {
        Shadow fork() {
            return new Shadow((Task) task.fork(), words.clone());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyWordSurvivesSwap(long seed) {
        Random random = new Random(seed);
        KernelConfig config = KernelConfig.linux618().toBuilder().ramPages(1024)
                .swapAreas(List.of(new KernelConfig.SwapSpace(PAGES + 8, -2))).build();
        try (Kernel kernel = Kernel.create(config)) {
            Task first = (Task) kernel.newProcess(true);
            // twice the region reserved, so that mremap can move it to the other half and back
            long base = first.mmap(0, 2 * PAGES * PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            first.mmap(base, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            List<Shadow> shadows = new ArrayList<>(List.of(new Shadow(first, new long[PAGES])));
            List<String> log = new ArrayList<>();
            for (int op = 0; op < OPS; op++) {
                int i = random.nextInt(shadows.size());
                Shadow s = shadows.get(i);
                long region = regionOf(s, base);
                int page = random.nextInt(PAGES);
                int pages = 1 + random.nextInt(Math.min(6, PAGES - page));
                long va = region + page * PAGE_SIZE;
                int choice = random.nextInt(100);
                String step;
                try {
                    if (choice < 30) {
                        long value = random.nextLong();
                        s.task.mprotect(region, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
                        s.task.storeLong(va, value);
                        s.words[page] = value;
                        step = "store " + page;
                    } else if (choice < 55) {
                        s.task.madvise(va, pages * PAGE_SIZE, MADV_PAGEOUT);
                        step = "pageout " + page + "+" + pages;
                    } else if (choice < 62) {
                        s.task.madvise(va, pages * PAGE_SIZE, MADV_DONTNEED);
                        for (int k = page; k < page + pages; k++) {
                            s.words[k] = 0;
                        }
                        step = "dontneed " + page + "+" + pages;
                    } else if (choice < 68) {
                        s.task.mprotect(region, PAGES * PAGE_SIZE, PROT_READ);
                        step = "mprotect read";
                    } else if (choice < 74) {
                        long other = region == base ? base + PAGES * PAGE_SIZE : base;
                        s.task.mremap(region, PAGES * PAGE_SIZE, PAGES * PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED, other);
                        step = "mremap to " + (other == base ? "low" : "high");
                    } else if (choice < 80 && shadows.size() < 4) {
                        shadows.add(s.fork());
                        step = "fork";
                    } else if (choice < 84 && shadows.size() > 1) {
                        s.task.exit();
                        shadows.remove(i);
                        step = "exit";
                    } else {
                        step = "check";
                    }
                    log.add(s.task.pid() + ": " + step);
                    for (Shadow each : shadows) {
                        long at = regionOf(each, base);
                        for (int k = 0; k < PAGES; k++) {
                            if (each.task.loadLong(at + k * PAGE_SIZE) != each.words[k]) {
                                throw new IllegalStateException("pid " + each.task.pid() + " page " + k + " lost its data");
                            }
                        }
                    }
                    kernel.checkInvariants();
                } catch (RuntimeException e) {
                    fail("seed " + seed + " after " + log.subList(Math.max(0, log.size() - 10), log.size()) + ": " + e, e);
                }
            }
            shadows.forEach(s -> s.task.exit());
            Task last = (Task) kernel.newProcess(true);
            assertThat(last.call(() -> last.machine.swap.areas().getFirst().inUse)).as("seed " + seed).isZero();
            kernel.checkInvariants();
        }
    }

    /** Where the region of {@code s} is now: the low or the high half of the reservation. */
    private static long regionOf(Shadow s, long base) {
        String maps = s.task.maps();
        return maps.contains(Long.toHexString(base) + "-" + Long.toHexString(base + PAGES * PAGE_SIZE) + " r")
                ? base : base + PAGES * PAGE_SIZE;
    }
}
