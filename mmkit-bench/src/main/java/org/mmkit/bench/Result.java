package org.mmkit.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The samples of one row, in nanoseconds per operation, one per round on each side.
 *
 * @param measurement the row
 * @param baselineNs the kernel's (or the Java reference's) samples
 * @param modelNs the model's samples
 */
public record Result(Measurement measurement, List<Double> baselineNs, List<Double> modelNs) {
    /** Copies the samples; both sides need at least one. */
    public Result {
        baselineNs = List.copyOf(baselineNs);
        modelNs = List.copyOf(modelNs);
        if (baselineNs.isEmpty() || modelNs.isEmpty()) {
            throw new IllegalArgumentException(measurement + ": a row needs samples on both sides");
        }
    }

    /** @return the median of the baseline's samples, ns per operation */
    public double baselineMedian() {
        return median(baselineNs);
    }

    /** @return the median of the model's samples, ns per operation */
    public double modelMedian() {
        return median(modelNs);
    }

    /** @return model time / baseline time: below 1 the model is faster */
    public double ratio() {
        return modelMedian() / baselineMedian();
    }

    /** The median; of an even count, the mean of the two middle samples. */
    static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @Override
    public String toString() {
        return measurement.key() + " " + Arrays.toString(baselineNs.toArray()) + " " + Arrays.toString(modelNs.toArray());
    }
}
