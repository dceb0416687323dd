package org.mmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Medians, ratios and how figures are shown. */
class ResultTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Result.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Result.median(List.of(4.0, 1.0, 3.0, 100.0))).isEqualTo(3.5);
    }

    @Test
    void ratioIsModelOverBaseline() {
        Result r = new Result(Measurement.MAPS_60K, List.of(10.0, 30.0, 20.0), List.of(5.0, 6.0, 50.0));
        assertThat(r.baselineMedian()).isEqualTo(20.0);
        assertThat(r.modelMedian()).isEqualTo(6.0);
        assertThat(r.ratio()).isEqualTo(0.3);
    }

    @Test
    void aRowNeedsSamplesOnBothSides() {
        assertThatThrownBy(() -> new Result(Measurement.MAPS_60K, List.of(), List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAPS_60K");
    }

    @Test
    void figuresInTheirUnits() {
        assertThat(BenchReport.figure(Measurement.Unit.NS, 0.27)).isEqualTo("0.27 ns");
        assertThat(BenchReport.figure(Measurement.Unit.NS, 1681)).isEqualTo("1.7 µs");
        assertThat(BenchReport.figure(Measurement.Unit.NS, 11_500_000)).isEqualTo("11.5 ms");
        // 1 entry per 10 ns is 100 M entries per second
        assertThat(BenchReport.figure(Measurement.Unit.PER_SECOND, 10)).isEqualTo("100.0 M/s");
    }

    @Test
    void kernelLinesAreParsed() {
        assertThat(KernelProgram.parse("maps-60k", "bench maps-60k 34496485.600 5", 0)).isEqualTo(34496485.6);
        assertThatThrownBy(() -> KernelProgram.parse("maps-60k", "", 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exited 2");
        assertThatThrownBy(() -> KernelProgram.parse("maps-60k", "bench cow-write 1.0 5", 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not 'bench maps-60k NS_PER_OP OPS'");
    }
}
