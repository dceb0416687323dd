package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.UserStrings;
import org.mmkit.core.abi.PageRegionLayout;
import org.mmkit.core.abi.PmScanArgLayout;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;

/**
 * PAGEMAP_SCAN's walk by runs of alike entries ({@code PagemapScan.Scan.pteRun}: a run's class
 * taken from its first entry, whole empty tables, the WP_MATCHING fast path, the bounce buffer's
 * restarts) against the kernel's loop of one entry at a time, the reference: two machines take
 * the same random steps, one scanning by runs and one entry by entry, and after every scan the
 * results (count or errno, {@code walk_end}, the vector) and the whole pagemap must be equal.
 * The tables hold every kind of entry a class depends on: present with and without uffd-wp and
 * soft-dirty, the shared zero page, file pages, PROT_NONE, swap entries, uffd-wp, guard and
 * poison markers, none entries in a table and whole missing tables, over VMAs with and without
 * asynchronous write protection, with soft-dirty cleared now and then. A run misclassified shows as a different region or protection.
 */
class PagemapScanRunsTest {
    private static final int ANON_PAGES = 1400;
    private static final int PLAIN_PAGES = 700;
    private static final int FILE_PAGES = 300;
    private static final int VEC_LEN = 3000;

    private final List<Kernel> kernels = new ArrayList<>();

    @AfterEach
    void close() {
        kernels.forEach(Kernel::close);
    }

    /** One machine of the pair: a process with three mappings, scanning by runs or by entries. */
    private final class World {
        final Task task;
        final boolean runs;
        final long tracked;
        final long plain;
        final long file;
        final long arg;
        final long vec;
        /** Room for the pagemap entries of the three mappings, and the path before it is read. */
        final long scratch;
        final int pagemapFd;
        final int clearRefsFd;

        World(boolean runs) {
            Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().softDirty(true).sharedZeroPage(true)
                    .swapAreas(List.of(new KernelConfig.SwapSpace(4096, -2))).build());
            kernels.add(kernel);
            this.task = (Task) kernel.newProcess(true);
            this.runs = runs;
            this.arg = anon(1 + (VEC_LEN * PageRegionLayout.SIZE + PAGE_SIZE - 1) / PAGE_SIZE);
            this.vec = arg + PAGE_SIZE;
            this.scratch = anon((ANON_PAGES + PLAIN_PAGES + FILE_PAGES) * 8L / PAGE_SIZE + 1);
            task.store(scratch, "/proc/self/pagemap\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            this.pagemapFd = task.openat(AT_FDCWD, scratch, O_RDONLY, 0);
            task.store(scratch, "/proc/self/clear_refs\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            this.clearRefsFd = task.openat(AT_FDCWD, scratch, O_WRONLY, 0);
            this.tracked = anon(ANON_PAGES);
            this.plain = anon(PLAIN_PAGES);
            int fd = UserStrings.memfd(task, "runs", 0);
            task.ftruncate(fd, FILE_PAGES * PAGE_SIZE);
            this.file = task.mmap(0, FILE_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            registerWpAsync(tracked, ANON_PAGES);
        }

        private long anon(long pages) {
            return task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        }

        /** A userfaultfd with WP_ASYNC, [start, start + pages) registered in WP mode. */
        private void registerWpAsync(long start, long pages) {
            int uffd = task.userfaultfd(O_CLOEXEC | O_NONBLOCK);
            byte[] api = new byte[UffdioApiLayout.SIZE];
            Scalars.U64.write(api, UffdioApiLayout.API_OFFSET, UFFD_API);
            Scalars.U64.write(api, UffdioApiLayout.FEATURES_OFFSET, UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED);
            task.store(arg, api);
            task.ioctl(uffd, UFFDIO_API, arg);
            byte[] register = new byte[UffdioRegisterLayout.SIZE];
            Scalars.U64.write(register, UffdioRegisterLayout.RANGE_OFFSET + UffdioRangeLayout.START_OFFSET, start);
            Scalars.U64.write(register, UffdioRegisterLayout.RANGE_OFFSET + UffdioRangeLayout.LEN_OFFSET, pages * PAGE_SIZE);
            Scalars.U64.write(register, UffdioRegisterLayout.MODE_OFFSET, UFFDIO_REGISTER_MODE_WP);
            task.store(arg, register);
            task.ioctl(uffd, UFFDIO_REGISTER, arg);
        }

        /** One scan; the outcome as text: the count or errno, walk_end, the regions written. */
        String scan(long flags, long start, long end, long vecLen, long maxPages, long mask, long inverted, long anyof,
                long returnMask) {
            byte[] b = PmScanArgLayout.encode(flags, start, end, vecLen == 0 ? 0 : vec, vecLen, maxPages, inverted, mask, anyof,
                    returnMask);
            task.store(arg, b);
            byte[] regions = new byte[VEC_LEN * PageRegionLayout.SIZE];
            task.store(vec, regions); // no regions of an earlier scan
            String result;
            try {
                result = "= " + task.call(() -> PagemapScan.scan(task, task.mm, arg, runs));
            } catch (ErrnoException e) {
                result = "= " + e.errno();
            }
            task.load(arg, b);
            task.load(vec, regions);
            return result + " walk_end " + Long.toHexString(Scalars.U64.read(b, PmScanArgLayout.WALK_END_OFFSET))
                    + " vec " + Arrays.hashCode(regions);
        }

        /** {@code echo 4 > /proc/self/clear_refs}: soft-dirty cleared in every PTE and VMA. */
        void clearSoftDirty() {
            task.store(scratch, new byte[] {'4'});
            task.write(clearRefsFd, scratch, 1);
        }

        /** The pagemap entries of the three mappings, which show every PTE bit a scan reads or writes. */
        byte[] pagemap() {
            List<byte[]> parts = new ArrayList<>();
            int total = 0;
            for (long[] range : new long[][] {{tracked, ANON_PAGES}, {plain, PLAIN_PAGES}, {file, FILE_PAGES}}) {
                byte[] entries = new byte[(int) range[1] * 8];
                assertThat(task.pread(pagemapFd, scratch, entries.length, range[0] / PAGE_SIZE * 8)).isEqualTo(entries.length);
                task.load(scratch, entries);
                parts.add(entries);
                total += entries.length;
            }
            byte[] all = new byte[total];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }
    }

    /** A page of one of the three mappings, chosen at random, and how many pages from it (at most 40). */
    private static long[] somePages(Random random, World w) {
        long[][] ranges = {{w.tracked, ANON_PAGES}, {w.plain, PLAIN_PAGES}, {w.file, FILE_PAGES}};
        long[] range = ranges[random.nextInt(ranges.length)];
        int page = random.nextInt((int) range[1]);
        int pages = 1 + random.nextInt(Math.min(40, (int) range[1] - page));
        return new long[] {range[0] + page * PAGE_SIZE, pages};
    }

    /** A step that changes the tables of a machine: the same on both, whose layouts are the same. */
    private static Consumer<World> randomStep(Random random, long[] pages) {
        long va = pages[0];
        long len = pages[1] * PAGE_SIZE;
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> w -> {
                try {
                    for (long p = 0; p < pages[1]; p++) {
                        w.task.storeLong(va + p * PAGE_SIZE, p + 1);
                    }
                } catch (MemoryFault guard) {
                    // a guard page ends the writes, on both machines
                }
            };
            case 3 -> w -> {
                try {
                    for (long p = 0; p < pages[1]; p++) {
                        w.task.loadLong(va + p * PAGE_SIZE);
                    }
                } catch (MemoryFault guard) {
                    // as for writes
                }
            };
            case 4 -> w -> w.task.madvise(va, len, MADV_DONTNEED);
            case 5 -> w -> w.task.madvise(va, len, MADV_PAGEOUT);
            case 6 -> w -> w.task.madvise(va, len, MADV_GUARD_INSTALL);
            case 7 -> w -> w.task.madvise(va, len, MADV_GUARD_REMOVE);
            case 8 -> World::clearSoftDirty;
            default -> w -> {
                w.task.mprotect(va, len, PROT_NONE);
                w.task.mprotect(va, len, PROT_READ | PROT_WRITE);
            };
        };
    }

    /** Three fixed seeds and a fresh one, logged. */
    @Test
    void runsScanAsEntryByEntry() {
        for (long seed : new long[] {1, 2, 3, System.nanoTime()}) {
            compare(seed);
            close();
            kernels.clear();
        }
    }

    private void compare(long seed) {
        System.out.println("PagemapScanRunsTest seed " + seed);
        Random random = new Random(seed);
        World runs = new World(true);
        World entries = new World(false);
        assertThat(new long[] {entries.tracked, entries.plain, entries.file, entries.vec})
                .as("the two machines lay out their mappings alike")
                .containsExactly(runs.tracked, runs.plain, runs.file, runs.vec);
        long[] categories = {PAGE_IS_WPALLOWED, PAGE_IS_WRITTEN, PAGE_IS_FILE, PAGE_IS_PRESENT, PAGE_IS_SWAPPED,
            PAGE_IS_PFNZERO, PAGE_IS_SOFT_DIRTY, PAGE_IS_GUARD};
        long[] vecLens = {0, 1, 3, 40, 600, VEC_LEN};
        long[] maxPages = {0, 0, 0, 1, 7, 300, 700};
        // the three mappings and what lies between them, in any order the model placed them
        long low = Math.min(runs.tracked, Math.min(runs.plain, runs.file));
        long high = Math.max(runs.tracked + ANON_PAGES * PAGE_SIZE,
                Math.max(runs.plain + PLAIN_PAGES * PAGE_SIZE, runs.file + FILE_PAGES * PAGE_SIZE));
        long firstPage = low / PAGE_SIZE;
        int totalPages = (int) ((high - low) / PAGE_SIZE);
        for (int round = 0; round < 150; round++) {
            for (int step = random.nextInt(6); step > 0; step--) {
                Consumer<World> change = randomStep(random, somePages(random, runs));
                change.accept(runs);
                change.accept(entries);
            }
            long flags = new long[] {0, 0, PM_SCAN_WP_MATCHING, PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC}[random.nextInt(4)];
            long mask = randomMask(random, categories, 2);
            long inverted = randomMask(random, categories, 1);
            long anyof = randomMask(random, categories, 2);
            long returnMask = random.nextBoolean() ? 0x1ff & ~PAGE_IS_HUGE : randomMask(random, categories, 3);
            if (random.nextInt(4) == 0) { // the masks of the kernel's written-only loop
                mask = PAGE_IS_WRITTEN;
                returnMask = PAGE_IS_WRITTEN;
                inverted = 0;
                anyof = 0;
            }
            long vecLen = vecLens[random.nextInt(vecLens.length)];
            long max = maxPages[random.nextInt(maxPages.length)];
            long start = (firstPage + random.nextInt(totalPages)) * PAGE_SIZE;
            long end = start + random.nextInt((int) (firstPage + totalPages - start / PAGE_SIZE) + 1) * PAGE_SIZE;
            String what = String.format("seed %d round %d: flags %x [%x, %x) vec_len %d max %d mask %x inverted %x"
                    + " anyof %x return %x", seed, round, flags, start, end, vecLen, max, mask, inverted, anyof, returnMask);
            assertThat(runs.scan(flags, start, end, vecLen, max, mask, inverted, anyof, returnMask)).as(what)
                    .isEqualTo(entries.scan(flags, start, end, vecLen, max, mask, inverted, anyof, returnMask));
            assertThat(runs.pagemap()).as(what).isEqualTo(entries.pagemap());
        }
    }

    /** Up to {@code most} of {@code categories}, at random. */
    private static long randomMask(Random random, long[] categories, int most) {
        long mask = 0;
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            mask |= categories[random.nextInt(categories.length)];
        }
        return mask;
    }
}
