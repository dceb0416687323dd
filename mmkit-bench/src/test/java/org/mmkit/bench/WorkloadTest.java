package org.mmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every row's model workload (and Java reference) runs a quick sample, twice so that preparation
 * and cleanup leave it reusable, without an error from the model; times are not checked.
 */
class WorkloadTest {
    @ParameterizedTest
    @EnumSource(Measurement.class)
    void quickSamplesRun(Measurement m) {
        int ops = m.ops(true);
        try (Workload w = m.newModelWorkload()) {
            assertThat(BenchRunner.sample(w, ops)).isPositive();
            assertThat(BenchRunner.sample(w, ops)).isPositive();
        }
        if (m.baseline().javaReference() != null) {
            try (Workload w = m.baseline().javaReference().get()) {
                assertThat(BenchRunner.sample(w, ops)).isPositive();
            }
        }
    }
}
