package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When neither RAM nor swap is left, a fault ends in the OOM killer's SIGKILL and a populate in
 * ENOMEM, as without swap; reclaim had sent pages to swap first, the pages another process left in
 * swap come back intact, and the victim's slots are free again. The kernel backend cannot show
 * this (its OOM killer chooses among the machine's processes), so it follows Linux 6.18:
 * mm/vmscan.c shrink_folio_list (a page add_to_swap finds no slot for is activated),
 * mm/page_alloc.c __alloc_pages_slowpath (no progress: out_of_memory), mm/gup.c (VM_FAULT_OOM is
 * -ENOMEM for a populate), and the exit path's zap (free_swap_and_cache).
 */
class SwapExhaustionTest {
    private static final int RAM_PAGES = 32;
    /** The area's header page and 16 slots. */
    private static final int SWAP_PAGES = 17;

    private static Kernel kernel() {
        return Kernel.create(KernelConfig.linux618().toBuilder().ramPages(RAM_PAGES)
                .swapAreas(List.of(new KernelConfig.SwapSpace(SWAP_PAGES, -2))).build());
    }

    private static long anon(SimProcess p, int pages) {
        return p.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    }

    @Test
    void theFaultThatFindsNeitherRamNorSwapKillsTheProcessAndFreesItsSlots() {
        try (Kernel kernel = kernel()) {
            SimProcess keeper = kernel.newProcess(true);
            long k = anon(keeper, 8);
            for (int i = 0; i < 8; i++) {
                keeper.storeLong(k + i * PAGE_SIZE, 500 + i);
            }
            SimProcess hog = kernel.newProcess(true);
            long a = anon(hog, 4 * RAM_PAGES);
            int stored = 0;
            MemoryFault kill = null;
            for (; stored < 4 * RAM_PAGES && kill == null; stored++) {
                try {
                    hog.storeLong(a + stored * PAGE_SIZE, stored + 1); // no page of zeros: swap would only mark it
                } catch (MemoryFault f) {
                    kill = f;
                }
            }
            assertThat(kill).as("a page beyond RAM and swap").isNotNull();
            assertThat(kill.signal()).isEqualTo(Signal.SIGKILL);
            assertThat(stored).as("reclaim made room in swap before giving up")
                    .isGreaterThan(RAM_PAGES).isLessThanOrEqualTo(RAM_PAGES + SWAP_PAGES - 1);
            assertThat(kernel.swapStats().pswpout()).as("every slot was written").isGreaterThanOrEqualTo(SWAP_PAGES - 1);
            assertThatThrownBy(() -> hog.loadLong(a)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("killed by SIGKILL (out of memory)");
            kernel.checkInvariants();

            for (int i = 0; i < 8; i++) {
                assertThat(keeper.loadLong(k + i * PAGE_SIZE)).isEqualTo(500 + i);
            }
            SwapStats stats = kernel.swapStats();
            assertThat(stats.freeKb()).as("the victim's slots are free").isEqualTo(stats.totalKb());
            kernel.checkInvariants();
        }
    }

    @Test
    void aPopulateThatFindsNeitherRamNorSwapIsEnomemAndKillsNoOne() {
        try (Kernel kernel = kernel()) {
            SimProcess p = kernel.newProcess(true);
            long a = anon(p, 4 * RAM_PAGES);
            assertThatThrownBy(() -> p.madvise(a, 4 * RAM_PAGES * PAGE_SIZE, MADV_POPULATE_WRITE))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
            assertThat(kernel.swapStats().freeKb()).as("swap filled first").isZero();
            kernel.checkInvariants();
            p.munmap(a, 4 * RAM_PAGES * PAGE_SIZE);
            SwapStats stats = kernel.swapStats();
            assertThat(stats.freeKb()).isEqualTo(stats.totalKb());
            long b = anon(p, 4);
            p.storeLong(b, 7);
            assertThat(p.loadLong(b)).isEqualTo(7);
            kernel.checkInvariants();
        }
    }
}
