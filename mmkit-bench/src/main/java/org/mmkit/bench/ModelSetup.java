package org.mmkit.bench;

import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;
import org.mmkit.core.Uapi;

/** The model process the workloads run in, and the mappings several of them share. */
final class ModelSetup {
    /** As {@code MANY_VMAS} in the C program: one-page VMAs, alternately read-write and read-only. */
    static final int MANY_VMAS = 60_000;
    /** As {@code FORK_BYTES} in the C program: the resident memory a fork copies. */
    static final long FORK_BYTES = 64L << 20;
    /** As {@code PAGEMAP_PAGES} in the C program: the range a pagemap read covers. */
    static final int PAGEMAP_PAGES = 4096;
    /** As {@code SCAN_PAGES} in the C program: the range one PAGEMAP_SCAN covers (64 MiB). */
    static final int SCAN_PAGES = 16_384;
    /** The simulated RAM of most rows: 4 GiB, so that a fork of 64 MiB and large fault samples fit. */
    static final long RAM_BYTES = 4L << 30;
    /** The simulated RAM of the scale rows: 64 GiB. */
    static final long SCALE_RAM_BYTES = 64L << 30;
    /** As {@code SCALE_MAX_MAP_COUNT} in the C program: {@code vm.max_map_count} for the rows up to 1M VMAs. */
    static final int SCALE_MAX_MAP_COUNT = 2_000_000;
    /** As {@code THREADS} in the C program: the threads faulting at once. */
    static final int THREADS = 16;

    private ModelSetup() {
    }

    /**
     * A kernel like Linux 6.18 with {@link #RAM_BYTES} of RAM.
     *
     * @param sharedZeroPage whether a read fault maps the shared zero page (this machine's kernel
     *        forbids it; see {@link KernelConfig})
     */
    static Kernel kernel(boolean sharedZeroPage) {
        return kernel(sharedZeroPage, RAM_BYTES);
    }

    /** A kernel like {@link #kernel(boolean)} with {@code ramBytes} of RAM. */
    static Kernel kernel(boolean sharedZeroPage, long ramBytes) {
        return Kernel.create(KernelConfig.linux618().toBuilder().ramBytes(ramBytes).sharedZeroPage(sharedZeroPage).build());
    }

    /** A kernel like this machine's with {@code vm.max_map_count} raised to {@link #SCALE_MAX_MAP_COUNT}. */
    static Kernel manyVmasKernel() {
        return Kernel.create(KernelConfig.linux618().toBuilder().ramBytes(RAM_BYTES)
                .maxMapCount(SCALE_MAX_MAP_COUNT).sharedZeroPage(false).build());
    }

    static long mapAnon(SimProcess process, long bytes) {
        return process.mmap(0, bytes, Uapi.PROT_READ | Uapi.PROT_WRITE,
                Uapi.MAP_PRIVATE | Uapi.MAP_ANONYMOUS, -1, 0);
    }

    static void touch(SimProcess process, long start, long pages) {
        for (long i = 0; i < pages; i++) {
            process.storeLong(start + i * Uapi.PAGE_SIZE, 1);
        }
    }

    /** {@link #MANY_VMAS} one-page VMAs, every page resident; returns the first page's address. */
    static long manyVmas(SimProcess process) {
        long start = mapAnon(process, MANY_VMAS * Uapi.PAGE_SIZE);
        touch(process, start, MANY_VMAS);
        for (long i = 1; i < MANY_VMAS; i += 2) {
            process.mprotect(start + i * Uapi.PAGE_SIZE, Uapi.PAGE_SIZE, Uapi.PROT_READ);
        }
        return start;
    }
}
