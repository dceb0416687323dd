package org.mmkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures rows side by side: for each row, the model's workload is built and warmed up once, then
 * each round takes one baseline sample and one model sample (kernel, model, kernel, model…), so
 * that both sides see the same state of the machine. The model side is timed here with
 * {@link System#nanoTime} around {@link Workload#run}, as the C program times its loop with
 * {@code CLOCK_MONOTONIC}; JMH ({@link ModelJmh}) measures the same workloads in depth on its own.
 */
public final class BenchRunner {
    private static final int WARM_UP_SAMPLES = 2;
    private static final long WARM_UP_MILLIS = 500;

    private final KernelProgram kernel;
    private final int rounds;
    private final boolean quick;
    private final Consumer<String> progress;

    /**
     * @param kernel the kernel-side program
     * @param rounds samples per side and row, at least 1
     * @param quick each row once with few operations and no warm-up: that it works, not how fast
     * @param progress told the title of each row as it starts
     */
    public BenchRunner(KernelProgram kernel, int rounds, boolean quick, Consumer<String> progress) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1: " + rounds);
        }
        this.kernel = kernel;
        this.rounds = rounds;
        this.quick = quick;
        this.progress = progress;
    }

    /**
     * Measures the rows in order.
     *
     * @param measurements the rows
     * @return their results, in the same order
     */
    public List<Result> run(List<Measurement> measurements) {
        List<Result> results = new ArrayList<>();
        for (Measurement m : measurements) {
            progress.accept(m.title());
            results.add(measure(m));
        }
        return results;
    }

    private Result measure(Measurement m) {
        int ops = m.ops(quick);
        List<Double> baseline = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        Measurement.Baseline reference = m.baseline();
        try (Workload subject = m.newModelWorkload();
                Workload java = reference.javaReference() == null ? null : reference.javaReference().get()) {
            if (!quick) {
                warmUp(subject, ops);
                if (java != null) {
                    warmUp(java, ops);
                }
            }
            for (int round = 0; round < rounds; round++) {
                baseline.add(java != null ? sample(java, ops) : kernel.nsPerOp(reference.name(), ops));
                model.add(sample(subject, ops));
            }
        }
        return new Result(m, baseline, model);
    }

    /**
     * Untimed samples, so that the JIT has compiled the workload's paths (C2, after on-stack
     * replacement of its loops) before the first timed one: at least {@value #WARM_UP_SAMPLES}
     * samples and {@value #WARM_UP_MILLIS} ms.
     */
    private static void warmUp(Workload workload, int ops) {
        long until = System.nanoTime() + WARM_UP_MILLIS * 1_000_000L;
        for (int done = 0; done < WARM_UP_SAMPLES || System.nanoTime() < until; done++) {
            sample(workload, ops);
        }
    }

    /** One sample: per operation, {@link Workload#measure} (nanoseconds of {@link Workload#run} unless the row says otherwise). */
    static double sample(Workload workload, int ops) {
        workload.prepare(ops);
        long total = workload.measure(ops);
        workload.finish();
        return (double) total / ops;
    }
}
