package org.mmkit.core.mm;

import static org.mmkit.core.Uapi.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.SimProcess;

/**
 * {@code __folio_set_anon} for a folio swapped in while other swap entries still point at its
 * slot: it takes the root anon_vma, so the rmap finds every process that maps it later. Found by
 * SoftDirtyRandomizedTest: a child swapped the page in (and copied it on its write), exited, and
 * the parent's later swap-in mapped the cached folio, which pointed at the child's anon_vma.
 */
class SwapInAnonVmaTest {
    @Test
    void aSharedSlotsFolioPointsAtTheRootAnonVma() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder()
                .swapAreas(List.of(new KernelConfig.SwapSpace(8, -2))).build())) {
            SimProcess p = kernel.newProcess(true);
            long a = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            p.storeLong(a, 1);
            p.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
            SimProcess child = p.fork();
            child.storeLong(a, 2);
            kernel.checkInvariants();
            child.exit();
            org.assertj.core.api.Assertions.assertThat(p.loadLong(a)).isEqualTo(1);
            kernel.checkInvariants();
        }
    }
}
