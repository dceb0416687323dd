package org.mmkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The C program the build compiled, found beside the classes and run; skipped where gcc was missing. */
class KernelProgramTest {
    private KernelProgram program;

    @BeforeEach
    void locate() {
        assumeTrue(Files.isExecutable(Path.of("target/native/mmkit-kernel-bench")),
                "the kernel benchmark program was not built (no gcc)");
        program = KernelProgram.locate();
    }

    @Test
    void measures() {
        assertThat(program.nsPerOp("load-store-tlb-hit", 1000)).isPositive();
    }

    @Test
    void anUnknownMeasurementIsAClearError() {
        assertThatThrownBy(() -> program.nsPerOp("no-such-row", 10)).isInstanceOf(IllegalStateException.class)
                .hasMessage("mmkit-kernel-bench no-such-row exited 2 and printed '', not 'bench no-such-row NS_PER_OP OPS'");
    }
}
