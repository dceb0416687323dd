package org.mmkit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The model's workloads under JMH, for measuring one row in depth (forks, warm-up and iterations
 * as JMH chooses): one invocation is one sample of {@link Measurement#ops} operations, its
 * preparation and cleanup outside the time. JMH reports time per invocation; divide by the row's
 * operation count for time per operation. {@code mmkit bench} does not use JMH: see
 * {@link BenchRunner}. Run with {@code java -cp ... org.openjdk.jmh.Main ModelJmh -p measurement=maps-60k}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ModelJmh {
    /** The row, by {@link Measurement#key}. */
    @Param({"load-store-tlb-hit", "tlb-miss-sequential", "tlb-miss-random", "anon-write-fault",
        "anon-read-fault-zero-page", "anon-read-fault-no-zero-page", "pagemap-resident", "pagemap-untouched",
        "maps-60k", "vma-lookup", "fork-64m", "cow-write", "heap-per-resident-page", "fresh-jvm-faults",
        "anon-write-fault-64g", "vmas-10k", "vmas-100k", "vmas-1m", "threads-16-faults",
        "swap-out", "swap-in",
        "uffd-missing", "uffd-wp", "uffd-wp-async",
        "pagemap-scan-resident", "pagemap-scan-sparse", "pagemap-scan-wp-rearm"})
    public String measurement;

    private Workload workload;
    private int ops;

    /** Builds the row's model workload once per trial. */
    @Setup(Level.Trial)
    public void create() {
        Measurement m = Measurement.byKey(measurement);
        workload = m.newModelWorkload();
        ops = m.ops(false);
    }

    /** Untimed preparation of each sample. */
    @Setup(Level.Invocation)
    public void prepare() {
        workload.prepare(ops);
    }

    /** One sample. */
    @Benchmark
    public void sample() {
        workload.run(ops);
    }

    /** Untimed cleanup of each sample. */
    @TearDown(Level.Invocation)
    public void finish() {
        workload.finish();
    }

    /** Releases the model. */
    @TearDown(Level.Trial)
    public void close() {
        workload.close();
    }
}
