package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmkit.core.KernelConfig;

/** The page allocator's direct-reclaim hook ({@code __alloc_pages_slowpath}). */
class AllocatorTest {
    @Test
    void anExhaustedAllocationAsksTheReclaimerOnlyWhenItMayWait() {
        try (Machine machine = new Machine(KernelConfig.linux618().toBuilder().ramPages(16).build())) {
            int first = machine.allocatePage(Gfp.HIGHUSER_MOVABLE);
            while (machine.allocatePage(Gfp.NOWAIT) >= 0) {
                // exhaust RAM
            }
            int[] asked = {0};
            machine.reclaimer = (m, pages, gfp) -> {
                asked[0]++;
                m.memory.put(first);
                return 1;
            };
            assertThat(machine.allocatePage(Gfp.NOWAIT)).as("no reclaim for NOWAIT").isEqualTo(-1);
            assertThat(asked[0]).isZero();
            assertThat(machine.allocatePage(Gfp.HIGHUSER_MOVABLE)).as("the reclaimed frame").isEqualTo(first);
            assertThat(asked[0]).isEqualTo(1);
            machine.reclaimer = DirectReclaim.NONE;
            assertThat(machine.allocatePage(Gfp.HIGHUSER_MOVABLE)).isEqualTo(-1);
        }
    }
}
