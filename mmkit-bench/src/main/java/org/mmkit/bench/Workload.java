package org.mmkit.bench;

/**
 * One measured piece of work on the model, the same logical work as the measurement of the same
 * {@link #name} in the kernel-side C program ({@code mmkit-kernel-bench.c}). A sample is
 * {@link #prepare}, then the timed {@link #run} ({@link #measure}), then {@link #finish}; only {@code run} is timed,
 * so setup such as mapping fresh memory or ending a forked child stays outside the figure.
 * Not thread-safe: one harness drives a workload.
 */
public interface Workload extends AutoCloseable {
    /**
     * Untimed preparation of a sample of {@code ops} operations (e.g. mapping fresh pages).
     *
     * @param ops the operations the next {@link #run} performs
     */
    default void prepare(int ops) {
    }

    /**
     * The timed part: {@code ops} operations.
     *
     * @param ops how many
     */
    void run(int ops);

    /**
     * One sample's figure for {@code ops} operations, in the row's {@link Measurement.Unit}: by
     * default the nanoseconds {@link #run} takes. A workload that measures something else (heap
     * bytes) or times itself elsewhere (in a child JVM) says so here.
     *
     * @param ops the operations of this sample
     * @return the sample's total, which the harness divides by {@code ops}
     */
    default long measure(int ops) {
        long start = System.nanoTime();
        run(ops);
        return System.nanoTime() - start;
    }

    /** Untimed cleanup after a sample (e.g. unmapping what it faulted in). */
    default void finish() {
    }

    /** Releases the model kernel. */
    @Override
    void close();
}
