package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SwapStats;

/**
 * SwapTotal, SwapFree, pswpin and pswpout ({@link Kernel#swapStats}). The kernel's are machine-wide,
 * so no scenario compares them; the zero-page rule was checked by hand on the reference machine:
 * a PAGEOUT of 100 pages of data and 100 of zeros, then reading all back, moved pswpout and pswpin
 * by 100 each ({@code swap_writeout}: {@code is_folio_zero_filled}; {@code swap_read_folio_zeromap}).
 */
class SwapStatsTest {
    @Test
    void countersFollowSlotsAndDeviceTraffic() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder()
                .swapAreas(List.of(new KernelConfig.SwapSpace(1025, -2))).build())) {
            assertThat(kernel.swapStats()).isEqualTo(new SwapStats(4096, 4096, 0, 0));
            Task task = (Task) kernel.newProcess(true);
            long a = task.mmap(0, 200 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            for (int i = 0; i < 200; i++) {
                task.storeLong(a + i * PAGE_SIZE, i < 100 ? i + 1 : 0);
            }
            task.madvise(a, 200 * PAGE_SIZE, MADV_PAGEOUT);
            assertThat(kernel.swapStats()).isEqualTo(new SwapStats(4096, 4096 - 800, 0, 100));
            for (int i = 0; i < 200; i++) {
                assertThat(task.loadLong(a + i * PAGE_SIZE)).isEqualTo(i < 100 ? i + 1 : 0);
            }
            assertThat(kernel.swapStats()).isEqualTo(new SwapStats(4096, 4096, 100, 100));
            kernel.swapoff(0);
            assertThat(kernel.swapStats()).as("the events outlive the area").isEqualTo(new SwapStats(0, 0, 100, 100));
        }
    }
}
