package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.UserStrings;

/**
 * Seeded random steps on a small RAM with swap, in up to four processes, each with a private
 * anonymous region, all sharing one memfd mapping and each with a private mapping of the same
 * memfd (whose written pages are anonymous copies): stores, loads, MADV_PAGEOUT, MADV_COLD,
 * MADV_FREE, MADV_DONTNEED, hole punch, truncation (which takes the private copies past the end
 * along, in memory or in swap) and regrowth, mprotect, mremap to and fro, fork, exit and forced
 * reclaim (a round of {@code try_to_free_pages}, or {@link Kernel#reclaim} of some pages or of
 * all, after which nothing is left to reclaim); the processes' pages together exceed RAM, so
 * allocations reclaim too. Every word is checked against a shadow copy per process after every
 * step, and the invariants (refcounts, mapcounts, slot counts against the swap entries of all page
 * tables, the swap cache, MM_SWAPENTS, LRU membership). At the end every process exits and no slot stays in use.
 *
 * <p>CI runs the fixed seeds; {@code -Dmmkit.swapRandom.seed=N} runs seed N instead, and
 * {@code -Dmmkit.swapRandom.ops=N} sets the steps per seed. Each run prints its seed.
 */
class SwapRandomizedTest {
    private static final int PAGES = 24;
    private static final int FILE_PAGES = 8;
    private static final int OPS = Integer.getInteger("mmkit.swapRandom.ops", 2000);

    /**
     * A process and what each page of its region must hold (one word per page); a page
     * {@code lazy} after MADV_FREE may also read as zero until it is written again. A page of
     * its private memfd mapping that it wrote ({@code copied}) holds its {@code copies} word, any
     * other the file's.
     */
    private record Shadow(Task task, long[] words, boolean[] lazy, long[] copies, boolean[] copied) {
        Shadow(Task task) {
            this(task, new long[PAGES], new boolean[PAGES], new long[FILE_PAGES], new boolean[FILE_PAGES]);
        }

        Shadow fork() {
            return new Shadow((Task) task.fork(), words.clone(), lazy.clone(), copies.clone(), copied.clone());
        }
    }

    static LongStream seeds() {
        Long seed = Long.getLong("mmkit.swapRandom.seed");
        return seed != null ? LongStream.of(seed) : LongStream.rangeClosed(1, 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyWordSurvivesSwapAndReclaim(long seed) {
        System.out.println("SwapRandomizedTest seed " + seed + ", " + OPS + " steps");
        Random random = new Random(seed);
        // 4 regions of 24 pages and the memfd's 8 do not fit in the 40 frames RAM has
        KernelConfig config = KernelConfig.linux618().toBuilder().ramPages(40)
                .swapAreas(List.of(new KernelConfig.SwapSpace(4 * (PAGES + FILE_PAGES) + 16, -2))).build();
        try (Kernel kernel = Kernel.create(config)) {
            Task first = (Task) kernel.newProcess(true);
            int[] directReclaims = {0};
            first.call(() -> first.machine.reclaimer = (machine, pages, gfp) -> {
                directReclaims[0]++;
                return Vmscan.DIRECT.reclaim(machine, pages, gfp);
            });
            int fd = UserStrings.memfd(first, "shared", 0);
            first.ftruncate(fd, FILE_PAGES * PAGE_SIZE);
            long file = first.mmap(0, FILE_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            long[] fileWords = new long[FILE_PAGES];
            long priv = first.mmap(0, FILE_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
            // twice the region reserved, so that mremap can move it to the other half and back
            long base = first.mmap(0, 2 * PAGES * PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            first.mmap(base, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            List<Shadow> shadows = new ArrayList<>(List.of(new Shadow(first)));
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
                    if (choice < 25) {
                        long value = random.nextLong();
                        s.task.mprotect(region, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
                        s.task.storeLong(va, value);
                        s.words[page] = value;
                        s.lazy[page] = false;
                        step = "store " + page;
                    } else if (choice < 32) {
                        int index = random.nextInt(FILE_PAGES);
                        long value = random.nextLong();
                        s.task.storeLong(file + index * PAGE_SIZE, value);
                        fileWords[index] = value;
                        step = "store file " + index;
                    } else if (choice < 44) {
                        s.task.madvise(va, pages * PAGE_SIZE, MADV_PAGEOUT);
                        step = "pageout " + page + "+" + pages;
                    } else if (choice < 50) {
                        s.task.madvise(va, pages * PAGE_SIZE, MADV_COLD);
                        step = "cold " + page + "+" + pages;
                    } else if (choice < 54) {
                        s.task.madvise(va, pages * PAGE_SIZE, MADV_FREE);
                        for (Shadow each : shadows) { // a page fork shares becomes lazily free for all
                            for (int k = page; k < page + pages; k++) {
                                each.lazy[k] = true;
                            }
                        }
                        step = "free " + page + "+" + pages;
                    } else if (choice < 59) {
                        s.task.madvise(va, pages * PAGE_SIZE, MADV_DONTNEED);
                        for (int k = page; k < page + pages; k++) {
                            s.words[k] = 0;
                            s.lazy[k] = false;
                        }
                        step = "dontneed " + page + "+" + pages;
                    } else if (choice < 62) {
                        int index = random.nextInt(FILE_PAGES);
                        first.fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, index * PAGE_SIZE, PAGE_SIZE);
                        fileWords[index] = 0;
                        step = "punch " + index;
                    } else if (choice < 64) {
                        int target = 1 + random.nextInt(2 * Vmscan.SWAP_CLUSTER_MAX);
                        int freed = s.task.call(() -> Vmscan.tryToFreePages(s.task.machine, target));
                        step = "reclaim " + target + " freed " + freed;
                    } else if (choice < 66) {
                        int target = random.nextInt(4 * Vmscan.SWAP_CLUSTER_MAX);
                        step = "Kernel.reclaim " + target + " freed " + kernel.reclaim(target);
                    } else if (choice < 67) {
                        step = "Kernel.reclaim all freed " + kernel.reclaim(Long.MAX_VALUE);
                        if (kernel.reclaim(Long.MAX_VALUE) != 0) {
                            throw new IllegalStateException("reclaiming everything left something reclaimable");
                        }
                    } else if (choice < 71) {
                        s.task.mprotect(region, PAGES * PAGE_SIZE, PROT_READ);
                        step = "mprotect read";
                    } else if (choice < 76) {
                        long other = region == base ? base + PAGES * PAGE_SIZE : base;
                        s.task.mremap(region, PAGES * PAGE_SIZE, PAGES * PAGE_SIZE, MREMAP_MOVE_FIXED, other);
                        step = "mremap to " + (other == base ? "low" : "high");
                    } else if (choice < 81 && shadows.size() < 4) {
                        shadows.add(s.fork());
                        step = "fork";
                    } else if (choice < 84 && shadows.size() > 1 && s.task != first) {
                        s.task.exit();
                        shadows.remove(i);
                        step = "exit";
                    } else if (choice < 88) {
                        int index = random.nextInt(FILE_PAGES);
                        long value = random.nextLong();
                        s.task.storeLong(priv + index * PAGE_SIZE, value);
                        s.copies[index] = value;
                        s.copied[index] = true;
                        step = "store private " + index;
                    } else if (choice < 91) {
                        s.task.madvise(priv, FILE_PAGES * PAGE_SIZE, MADV_PAGEOUT);
                        step = "pageout private";
                    } else if (choice < 93) {
                        int index = random.nextInt(FILE_PAGES);
                        s.task.madvise(priv + index * PAGE_SIZE, PAGE_SIZE, MADV_DONTNEED);
                        s.copied[index] = false;
                        step = "dontneed private " + index;
                    } else if (choice < 95) {
                        int size = random.nextInt(FILE_PAGES);
                        first.ftruncate(fd, size * PAGE_SIZE);
                        first.ftruncate(fd, FILE_PAGES * PAGE_SIZE);
                        for (int k = size; k < FILE_PAGES; k++) {
                            fileWords[k] = 0;
                            for (Shadow each : shadows) {
                                each.copied[k] = false;
                            }
                        }
                        step = "truncate " + size;
                    } else {
                        step = "check";
                    }
                    log.add(s.task.pid() + ": " + step);
                    for (Shadow each : shadows) {
                        check(each, regionOf(each, base));
                        for (int k = 0; k < FILE_PAGES; k++) {
                            if (each.task.loadLong(file + k * PAGE_SIZE) != fileWords[k]) {
                                throw new IllegalStateException("pid " + each.task.pid() + " file page " + k + " lost its data");
                            }
                            long expected = each.copied[k] ? each.copies[k] : fileWords[k];
                            if (each.task.loadLong(priv + k * PAGE_SIZE) != expected) {
                                throw new IllegalStateException("pid " + each.task.pid() + " private file page " + k + " lost its data");
                            }
                        }
                    }
                    kernel.checkInvariants();
                } catch (RuntimeException e) {
                    fail("seed " + seed + " after " + log.subList(Math.max(0, log.size() - 12), log.size()) + ": " + e, e);
                }
            }
            shadows.forEach(s -> s.task.exit());
            Task last = (Task) kernel.newProcess(true);
            assertThat(last.call(() -> last.machine.swap.areas().getFirst().inUse)).as("seed " + seed).isZero();
            assertThat(directReclaims[0]).as("allocations that had to reclaim, seed " + seed).isPositive();
            kernel.checkInvariants();
        }
    }

    private static final int MREMAP_MOVE_FIXED = MREMAP_MAYMOVE | MREMAP_FIXED;

    /**
     * Every word of the region against the shadow; a lazily freed page that reads as zero was
     * dropped by reclaim, and holds zero from then on.
     */
    private static void check(Shadow s, long region) {
        for (int k = 0; k < PAGES; k++) {
            long word = s.task.loadLong(region + k * PAGE_SIZE);
            if (s.lazy[k] && word == 0) {
                s.words[k] = 0;
                s.lazy[k] = false;
            } else if (word != s.words[k]) {
                throw new IllegalStateException("pid " + s.task.pid() + " page " + k + " lost its data");
            }
        }
    }

    /** Where the region of {@code s} is now: the low or the high half of the reservation. */
    private static long regionOf(Shadow s, long base) {
        String maps = s.task.maps();
        return maps.contains(Long.toHexString(base) + "-" + Long.toHexString(base + PAGES * PAGE_SIZE) + " r")
                ? base : base + PAGES * PAGE_SIZE;
    }
}
