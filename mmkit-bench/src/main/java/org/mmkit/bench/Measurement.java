package org.mmkit.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The rows of the benchmark table (issue 7): what the model does, against what it is compared —
 * the same work on this machine's kernel, measured by the C program, or for the VMA lookup a
 * {@link java.util.TreeMap}, which the kernel has no counterpart of.
 */
public enum Measurement {
    LOAD_STORE_TLB_HIT("8-byte load or store that hits the TLB", Unit.NS, kernel("load-store-tlb-hit"),
            TlbHitAccess::new, 10_000_000, 100_000),
    TLB_MISS_SEQUENTIAL("access with no fault over 60k VMAs, sequential (kernel: a TLB miss each)", Unit.NS,
            kernel("tlb-miss-sequential"), () -> new TlbMissAccess(false), 600_000, 60_000),
    TLB_MISS_RANDOM("access with no fault over 60k VMAs, random (kernel: a TLB miss each)", Unit.NS,
            kernel("tlb-miss-random"), () -> new TlbMissAccess(true), 600_000, 60_000),
    ANON_WRITE_FAULT("anonymous write fault incl. zero-fill", Unit.NS, kernel("anon-write-fault"),
            () -> new AnonFault(true, false), 16_384, 1024),
    ANON_READ_FAULT_ZERO_PAGE("anonymous read fault, model with the shared zero page", Unit.NS,
            kernel("anon-read-fault"), () -> new AnonFault(false, true), 16_384, 1024),
    ANON_READ_FAULT_NO_ZERO_PAGE("anonymous read fault, model without the zero page (as this kernel)", Unit.NS,
            kernel("anon-read-fault"), () -> new AnonFault(false, false), 16_384, 1024),
    PAGEMAP_RESIDENT("pagemap read, resident range", Unit.PER_SECOND, kernel("pagemap-resident"),
            () -> new PagemapRead(true), 100 * ModelSetup.PAGEMAP_PAGES, ModelSetup.PAGEMAP_PAGES),
    PAGEMAP_UNTOUCHED("pagemap read, never-touched range", Unit.PER_SECOND, kernel("pagemap-untouched"),
            () -> new PagemapRead(false), 1000 * ModelSetup.PAGEMAP_PAGES, ModelSetup.PAGEMAP_PAGES),
    MAPS_60K("/proc/PID/maps text, 60k VMAs", Unit.NS, kernel("maps-60k"), MapsText::new, 5, 1),
    VMA_LOOKUP("VMA lookup, 60k VMAs, against TreeMap.floorEntry", Unit.NS,
            new Baseline("TreeMap.floorEntry", "treemap-floor", () -> new VmaLookup(true)),
            () -> new VmaLookup(false), 1_000_000, 10_000),
    FORK_64M("fork, 64 MiB resident", Unit.NS, kernel("fork-64m"), () -> new ForkCow(false), 5, 1),
    COW_WRITE("first COW write per page after fork", Unit.NS, kernel("cow-write"),
            () -> new ForkCow(true), 16_384, 1024),
    HEAP_PER_RESIDENT_PAGE("heap per resident page, 256 MiB resident of 64 GiB simulated (kernel: struct page + PTE)",
            Unit.BYTES, kernel("heap-per-resident-page"), HeapPerPage::new, 65_536, 4096),
    FRESH_JVM_FAULTS("anonymous write fault, the first 16k in a fresh JVM", Unit.NS, kernel("anon-write-fault"),
            FreshJvmFaults::new, 16_384, 1024),
    ANON_WRITE_FAULT_64G("anonymous write fault, 64 GiB simulated RAM", Unit.NS, kernel("anon-write-fault"),
            () -> new AnonFault(true, false, ModelSetup.SCALE_RAM_BYTES), 16_384, 1024),
    VMAS_10K("VMA made by mprotect, per VMA, 10k VMAs", Unit.NS, kernel("vmas-10k"), ManyVmasScale::new,
            10_000, 1000),
    VMAS_100K("VMA made by mprotect, per VMA, 100k VMAs", Unit.NS, kernel("vmas-100k"), ManyVmasScale::new,
            100_000, 1000),
    VMAS_1M("VMA made by mprotect, per VMA, 1M VMAs (max_map_count raised)", Unit.NS, kernel("vmas-1m"),
            ManyVmasScale::new, 1_000_000, 1000),
    THREADS_16_FAULTS("anonymous write fault, 16 threads faulting at once", Unit.NS, kernel("threads-16-faults"),
            ThreadFaults::new, 16_384, 1024),
    SWAP_OUT("swap-out per page: MADV_PAGEOUT of written anonymous pages (kernel: zram)", Unit.NS, kernel("swap-out"),
            () -> new SwapOutIn(false), 8192, 1024),
    SWAP_IN("swap-in per page: a read of each page paged out (kernel: zram)", Unit.NS, kernel("swap-in"),
            () -> new SwapOutIn(true), 8192, 1024),
    UFFD_MISSING("userfaultfd MISSING fault round trip: fault, read, UFFDIO_COPY, woken write", Unit.NS,
            kernel("uffd-missing"), () -> new UffdFault(UffdFault.Kind.MISSING), 16_384, 1024),
    UFFD_WP("userfaultfd WP fault round trip: fault, read, UFFDIO_WRITEPROTECT un-protect, woken write", Unit.NS,
            kernel("uffd-wp"), () -> new UffdFault(UffdFault.Kind.WP), 16_384, 1024),
    UFFD_WP_ASYNC("userfaultfd WP_ASYNC write to a protected page (no message)", Unit.NS,
            kernel("uffd-wp-async"), () -> new UffdFault(UffdFault.Kind.WP_ASYNC), 16_384, 1024),
    PAGEMAP_SCAN_RESIDENT("PAGEMAP_SCAN for PRESENT, resident range (1 region)", Unit.PER_SECOND,
            kernel("pagemap-scan-resident"), () -> PagemapScanBench.of(PagemapScanBench.Mode.RESIDENT),
            20 * ModelSetup.SCAN_PAGES, ModelSetup.SCAN_PAGES),
    PAGEMAP_SCAN_SPARSE("PAGEMAP_SCAN for PRESENT, every second page resident", Unit.PER_SECOND,
            kernel("pagemap-scan-sparse"), () -> PagemapScanBench.of(PagemapScanBench.Mode.SPARSE),
            20 * ModelSetup.SCAN_PAGES, ModelSetup.SCAN_PAGES),
    PAGEMAP_SCAN_WP_REARM("PAGEMAP_SCAN WP_MATCHING re-arm, every second page written", Unit.PER_SECOND,
            kernel("pagemap-scan-wp-rearm"), () -> PagemapScanBench.of(PagemapScanBench.Mode.WP_REARM),
            ModelSetup.SCAN_PAGES, ModelSetup.SCAN_PAGES);

    /** How a row shows its figures. */
    public enum Unit {
        /** Time per operation. */
        NS("ns/op"),
        /** Operations per second (pagemap entries); still sampled as time per operation. */
        PER_SECOND("ops/s"),
        /** Bytes per operation (heap per resident page). */
        BYTES("B/op");

        /** The unit's name in the JSON report. */
        final String json;

        Unit(String json) {
            this.json = json;
        }
    }

    /**
     * What the model is compared against.
     *
     * @param label the column's word for it: "kernel", or the Java structure measured instead
     * @param name the C program's name for the measurement, or the Java reference's name
     * @param javaReference the Java workload measured instead of the kernel, or null for the kernel
     */
    public record Baseline(String label, String name, Supplier<Workload> javaReference) {
    }

    private final String title;
    private final Unit unit;
    private final Baseline baseline;
    private final Supplier<Workload> model;
    private final int ops;
    private final int quickOps;

    Measurement(String title, Unit unit, Baseline baseline, Supplier<Workload> model, int ops, int quickOps) {
        this.title = title;
        this.unit = unit;
        this.baseline = baseline;
        this.model = model;
        this.ops = ops;
        this.quickOps = quickOps;
    }

    private static Baseline kernel(String name) {
        return new Baseline("kernel", name, null);
    }

    /** @return the row's title */
    public String title() {
        return title;
    }

    /** @return how the row shows its figures */
    public Unit unit() {
        return unit;
    }

    /** @return what the model is compared against */
    public Baseline baseline() {
        return baseline;
    }

    /** @return a new model workload for this row */
    public Workload newModelWorkload() {
        return model.get();
    }

    /**
     * The operations in one sample.
     *
     * @param quick the brief mode CI runs
     * @return the count
     */
    public int ops(boolean quick) {
        return quick ? quickOps : ops;
    }

    /** @return the row's name in JSON and for JMH: the constant's name in lower case with dashes */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The row of a {@link #key}.
     *
     * @param key e.g. {@code maps-60k}
     * @return the row
     * @throws IllegalArgumentException naming the rows, for an unknown key
     */
    public static Measurement byKey(String key) {
        for (Measurement m : values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no benchmark row " + key + "; the rows: "
                + Arrays.stream(values()).map(Measurement::key).toList());
    }
}
