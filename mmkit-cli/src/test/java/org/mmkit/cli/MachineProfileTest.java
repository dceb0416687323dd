package org.mmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmkit.core.KernelConfig;

/** The model's swap areas from a {@code /proc/swaps} text. */
class MachineProfileTest {
    @Test
    void theMachinesOwnAreasCountTheirHeaderAndLentOnesAreLeftOut(@TempDir Path dir) throws IOException {
        Path swaps = dir.resolve("swaps");
        Files.writeString(swaps, """
                Filename				Type		Size		Used		Priority
                /swapfile                               file		1048572		0		-2
                /dev/zram3                              partition	65532		0		-3
                /var/tmp/mmkit-swap-123                 file		65532		0		-4
                /dev/sdb2                               partition	65532		12		5
                """);
        assertThat(MachineProfile.swapAreas(swaps)).containsExactly(
                new KernelConfig.SwapSpace(262144, -2), new KernelConfig.SwapSpace(16384, 5));
    }

    @Test
    void noFileMeansNoSwap(@TempDir Path dir) {
        assertThat(MachineProfile.swapAreas(dir.resolve("absent"))).isEmpty();
    }
}
