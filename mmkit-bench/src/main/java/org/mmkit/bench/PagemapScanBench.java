package org.mmkit.bench;

import static org.mmkit.core.Uapi.*;

import java.nio.charset.StandardCharsets;
import org.mmkit.core.Kernel;
import org.mmkit.core.SimProcess;
import org.mmkit.core.abi.PageRegionLayout;
import org.mmkit.core.abi.PmScanArgLayout;
import org.mmkit.core.abi.Scalars;
import org.mmkit.core.abi.UffdioApiLayout;
import org.mmkit.core.abi.UffdioRangeLayout;
import org.mmkit.core.abi.UffdioRegisterLayout;

/**
 * {@code pagemap-scan-resident}, {@code pagemap-scan-sparse} and {@code pagemap-scan-wp-rearm}:
 * PAGEMAP_SCAN over {@link ModelSetup#SCAN_PAGES} pages a call, through the process's descriptor
 * of /proc/self/pagemap as the C program calls it. Resident: every page present, asked for
 * PRESENT (one region). Sparse: every second page present (half as many regions as pages).
 * WP re-arm: a WP_ASYNC tracked range whose every second page is written before each call
 * (untimed), collected and protected again with WP_MATCHING|CHECK_WPASYNC for WRITTEN. One
 * operation is one page scanned.
 */
final class PagemapScanBench {
    private PagemapScanBench() {
    }

    /** Which range a row scans, and how. */
    enum Mode {
        RESIDENT, SPARSE, WP_REARM
    }

    /** The row of {@code mode}. */
    static Workload of(Mode mode) {
        return new Scans(mode);
    }

    private static final class Scans implements Workload {
        private static final long BYTES = ModelSetup.SCAN_PAGES * PAGE_SIZE;
        /** Regions the vector holds: one per written or present page of the sparse patterns. */
        private static final int VEC_LEN = ModelSetup.SCAN_PAGES / 2;

        private final Kernel kernel = ModelSetup.kernel(false);
        private final SimProcess process = kernel.newProcess(true);
        private final Mode mode;
        private final long range = ModelSetup.mapAnon(process, BYTES);
        /** The pm_scan_arg, then the vector. */
        private final long arg = ModelSetup.mapAnon(process, PAGE_SIZE + (long) VEC_LEN * PageRegionLayout.SIZE);
        private final int pagemap;

        Scans(Mode mode) {
            this.mode = mode;
            process.store(arg, "/proc/self/pagemap\0".getBytes(StandardCharsets.US_ASCII));
            pagemap = process.openat(AT_FDCWD, arg, O_RDONLY, 0);
            switch (mode) {
                case RESIDENT -> ModelSetup.touch(process, range, ModelSetup.SCAN_PAGES);
                case SPARSE -> writeEverySecondPage();
                case WP_REARM -> {
                    int uffd = process.userfaultfd(O_CLOEXEC | O_NONBLOCK);
                    byte[] api = new byte[UffdioApiLayout.SIZE];
                    Scalars.U64.write(api, UffdioApiLayout.API_OFFSET, UFFD_API);
                    Scalars.U64.write(api, UffdioApiLayout.FEATURES_OFFSET,
                            UFFD_FEATURE_WP_ASYNC | UFFD_FEATURE_WP_UNPOPULATED);
                    process.store(arg, api);
                    process.ioctl(uffd, UFFDIO_API, arg);
                    byte[] register = new byte[UffdioRegisterLayout.SIZE];
                    Scalars.U64.write(register, UffdioRegisterLayout.RANGE_OFFSET, range);
                    Scalars.U64.write(register, UffdioRegisterLayout.RANGE_OFFSET + UffdioRangeLayout.LEN_OFFSET, BYTES);
                    Scalars.U64.write(register, UffdioRegisterLayout.MODE_OFFSET, UFFDIO_REGISTER_MODE_WP);
                    process.store(arg, register);
                    process.ioctl(uffd, UFFDIO_REGISTER, arg);
                    scan(PM_SCAN_WP_MATCHING, 0, 0); // protects every page
                }
            }
        }

        private void writeEverySecondPage() {
            for (long page = 0; page < ModelSetup.SCAN_PAGES; page += 2) {
                process.storeLong(range + page * PAGE_SIZE, page);
            }
        }

        /** One PAGEMAP_SCAN of the range; {@code mask} is both the category and the return mask. */
        private void scan(long flags, long mask, int vecLen) {
            byte[] b = PmScanArgLayout.encode(flags, range, range + BYTES, vecLen == 0 ? 0 : arg + PAGE_SIZE, vecLen, 0, 0, mask,
                    0, mask);
            process.store(arg, b);
            process.ioctl(pagemap, PAGEMAP_SCAN, arg);
        }

        @Override
        public void prepare(int ops) {
            if (mode == Mode.WP_REARM) {
                if (ops != ModelSetup.SCAN_PAGES) {
                    throw new IllegalArgumentException("one re-arming scan per sample: " + ops);
                }
                writeEverySecondPage();
            }
        }

        @Override
        public void run(int ops) {
            for (int done = 0; done < ops; done += ModelSetup.SCAN_PAGES) {
                switch (mode) {
                    case RESIDENT -> scan(0, PAGE_IS_PRESENT, 1);
                    case SPARSE -> scan(0, PAGE_IS_PRESENT, VEC_LEN);
                    case WP_REARM -> scan(PM_SCAN_WP_MATCHING | PM_SCAN_CHECK_WPASYNC, PAGE_IS_WRITTEN, VEC_LEN);
                }
            }
        }

        @Override
        public void close() {
            kernel.close();
        }
    }
}
