package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmkit.core.abi.PagemapEntryLayout;

/**
 * Soft-dirty tracking against a reference, in the {@code CONFIG_MEM_SOFT_DIRTY} profile: random
 * writes, reads, clear_refs 4, mprotect, fork (the child writing too), MADV_PAGEOUT,
 * MADV_DONTNEED and mremap moves of a region. The reference keeps, per page, whether its PTE or
 * swap entry is soft-dirty (set by a write, cleared by clear_refs 4 and by a zap, set on every
 * entry an mremap moves) and, for the region's VMAs, VM_SOFTDIRTY (set by mmap, cleared by
 * clear_refs 4). After every step pagemap's bit 55 and PAGEMAP_SCAN's PAGE_IS_SOFT_DIRTY must be
 * exactly that: after a clear_refs 4, exactly the pages written (or moved) since. Each seed is
 * logged.
 */
class SoftDirtyRandomizedTest {
    private static final int PAGES = 32;
    private static final int STEPS = 1_500;

    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().softDirty(true)
            .swapAreas(List.of(new KernelConfig.SwapSpace(4 * PAGES, -2))).build());
    private final SimProcess p = kernel.newProcess(true);
    /** The path and clear_refs text, the pm_scan_arg, its vector. */
    private final long scratch = Syscalls.anon(p, 4);
    private final int clearRefs = open("/proc/self/clear_refs", O_WRONLY);
    private final int pagemap = open("/proc/self/pagemap", O_RDONLY);

    /** The reference: each page's entry soft-dirty, has an entry at all, is writable; the VMAs' VM_SOFTDIRTY. */
    private final boolean[] softDirty = new boolean[PAGES];
    private final boolean[] populated = new boolean[PAGES];
    private final boolean[] writable = new boolean[PAGES];
    private boolean vmaSoftDirty = true;

    @AfterEach
    void close() {
        kernel.close();
    }

    private int open(String path, int flags) {
        p.store(scratch, (path + "\0").getBytes(StandardCharsets.ISO_8859_1));
        return p.openat(AT_FDCWD, scratch, flags, 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void pagemapAndScanReportExactlyThePagesWrittenSinceTheLastClear(long seed) {
        System.out.println("SoftDirtyRandomizedTest seed " + seed);
        Random random = new Random(seed);
        // a PROT_NONE reservation holds the region's two places, apart, so it never merges
        long reserve = p.mmap(0, 4L * PAGES * PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        long[] places = {reserve + PAGES / 2 * PAGE_SIZE, reserve + 2L * PAGES * PAGE_SIZE};
        int place = 0;
        long region = p.mmap(places[place], PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        java.util.Arrays.fill(writable, true);
        SimProcess child = null;
        for (int step = 0; step < STEPS; step++) {
            int first = random.nextInt(PAGES);
            int end = first + 1 + random.nextInt(Math.min(8, PAGES - first));
            String what;
            switch (random.nextInt(10)) {
                case 0, 1, 2 -> {
                    what = "write " + first;
                    if (writable[first]) {
                        p.storeLong(region + first * PAGE_SIZE + 8 * random.nextInt(512), step);
                        softDirty[first] = true;
                        populated[first] = true;
                    }
                }
                case 3 -> {
                    what = "read " + first;
                    p.loadLong(region + first * PAGE_SIZE);
                    populated[first] = true;
                }
                case 4 -> {
                    what = "clear_refs 4";
                    p.store(scratch, "4".getBytes(StandardCharsets.ISO_8859_1));
                    assertThat(p.write(clearRefs, scratch, 1)).isEqualTo(1);
                    java.util.Arrays.fill(softDirty, false);
                    vmaSoftDirty = false;
                }
                case 5 -> {
                    boolean write = random.nextBoolean();
                    what = "mprotect " + first + ".." + end + (write ? " rw" : " r");
                    p.mprotect(region + first * PAGE_SIZE, (end - first) * PAGE_SIZE, PROT_READ | (write ? PROT_WRITE : 0));
                    java.util.Arrays.fill(writable, first, end, write);
                }
                case 6 -> {
                    what = "fork";
                    if (child != null) {
                        child.exit();
                    }
                    child = p.fork();
                    for (int i = 0; i < PAGES; i++) {
                        if (writable[i] && random.nextInt(4) == 0) {
                            child.storeLong(region + i * PAGE_SIZE, -step);
                        }
                    }
                    if (random.nextBoolean()) {
                        child.exit();
                        child = null;
                    }
                }
                case 7 -> {
                    what = "pageout " + first + ".." + end;
                    p.madvise(region + first * PAGE_SIZE, (end - first) * PAGE_SIZE, MADV_PAGEOUT);
                }
                case 8 -> {
                    what = "dontneed " + first + ".." + end;
                    p.madvise(region + first * PAGE_SIZE, (end - first) * PAGE_SIZE, MADV_DONTNEED);
                    java.util.Arrays.fill(populated, first, end, false);
                    java.util.Arrays.fill(softDirty, first, end, false);
                }
                default -> {
                    what = "mremap to place " + (1 - place);
                    // one VMA first: every page read-write again
                    p.mprotect(region, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE);
                    java.util.Arrays.fill(writable, true);
                    place = 1 - place;
                    region = p.mremap(region, PAGES * PAGE_SIZE, PAGES * PAGE_SIZE, MREMAP_MAYMOVE | MREMAP_FIXED, places[place]);
                    for (int i = 0; i < PAGES; i++) {
                        softDirty[i] |= populated[i];
                    }
                }
            }
            check(region, "seed " + seed + " step " + step + " (" + what + ")");
            if (step % 10 == 0) {
                kernel.checkInvariants();
            }
        }
        if (child != null) {
            child.exit();
        }
        kernel.checkInvariants();
    }

    private boolean expected(int page) {
        return softDirty[page] || vmaSoftDirty;
    }

    private void check(long region, String where) {
        byte[] entries = new byte[PAGES * 8];
        assertThat(p.pagemapRead(region / PAGE_SIZE * 8, entries)).isEqualTo(entries.length);
        ByteBuffer view = ByteBuffer.wrap(entries).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < PAGES; i++) {
            assertThat((view.getLong(i * 8) & PagemapEntryLayout.SOFT_DIRTY) != 0)
                    .as("%s: pagemap bit 55 of page %d", where, i).isEqualTo(expected(i));
        }
        List<long[]> runs = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            if (expected(i)) {
                if (!runs.isEmpty() && runs.getLast()[1] == region + i * PAGE_SIZE) {
                    runs.getLast()[1] += PAGE_SIZE;
                } else {
                    runs.add(new long[] {region + i * PAGE_SIZE, region + (i + 1) * PAGE_SIZE, PAGE_IS_SOFT_DIRTY});
                }
            }
        }
        assertThat(scanSoftDirty(region)).as("%s: PAGEMAP_SCAN PAGE_IS_SOFT_DIRTY", where).containsExactlyElementsOf(runs);
    }

    /** PAGEMAP_SCAN of the region for PAGE_IS_SOFT_DIRTY: the regions it reports, {start, end, categories}. */
    private List<long[]> scanSoftDirty(long region) {
        List<long[]> regions = PagemapScans.scan(p, pagemap, scratch, scratch + PAGE_SIZE, 0, region,
                region + PAGES * PAGE_SIZE, PAGES, 0, PAGE_IS_SOFT_DIRTY, 0, 0, PAGE_IS_SOFT_DIRTY);
        return regions.subList(0, regions.size() - 1); // without walk_end
    }
}
