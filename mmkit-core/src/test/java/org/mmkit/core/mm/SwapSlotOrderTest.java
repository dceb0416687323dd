package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * The order swap slots are handed out in (mm/swapfile.c of Linux 6.18: the CPU's cluster, then
 * the nonfull, free and frag cluster lists), in an area of the size the scenarios lend (32
 * clusters of 512 slots). The sequence is one that ran on this machine's kernel (zram, executor on
 * one CPU) with the offsets read from pagemap; processes run one after another, so that each starts
 * with the cluster state the previous one left. Sequences short enough for a scenario are
 * scenarios/swap/slot-*.mms.
 */
class SwapSlotOrderTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder()
            .swapAreas(List.of(new KernelConfig.SwapSpace(16384, -2))).build());

    @AfterEach
    void close() {
        kernel.close();
    }

    /** A process with {@code pages} written anonymous pages at the returned address. */
    private record Pages(Task task, long address) {
        /** The slot of a swapped-out page, 0 for a present one. */
        long offset(int page) {
            long pte = task.call(() -> task.mm.pte(address + page * PAGE_SIZE));
            return PteLayout.isPresent(pte) ? 0 : SwapEntryLayout.offset(pte);
        }

        void pageout(int from, int to) {
            for (int page = from; page < to; page++) {
                task.madvise(address + page * PAGE_SIZE, PAGE_SIZE, MADV_PAGEOUT);
            }
        }

        List<Long> offsets(int from, int to) {
            return IntStream.range(from, to).mapToObj(this::offset).toList();
        }
    }

    private Pages process(int pages) {
        Task task = (Task) kernel.newProcess(true);
        long a = task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        for (int i = 0; i < pages; i++) {
            task.storeLong(a + i * PAGE_SIZE, i + 1);
        }
        return new Pages(task, a);
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void slotsFollowTheKernelsClusterOrderAcrossProcesses() {
        // One page at a time past the first cluster: slots 1..511 (0 is the header), then the
        // next free cluster from its start.
        Pages first = process(600);
        first.pageout(0, 600);
        assertThat(first.offsets(0, 600)).isEqualTo(range(1, 601));
        first.task().exit();
        // The CPU's cluster (1) became free at the exit and gave back its table: not usable. The
        // nonfull cluster 0 is scanned from its start. Slots freed by swap-in (4, 5) are not taken
        // again while the CPU's cluster goes on.
        Pages second = process(15);
        second.pageout(0, 10);
        second.task().loadLong(second.address() + 3 * PAGE_SIZE);
        second.task().loadLong(second.address() + 4 * PAGE_SIZE);
        second.pageout(10, 15);
        second.pageout(3, 4);
        assertThat(second.offsets(0, 15)).containsExactly(1L, 2L, 3L, 16L, 0L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        second.task().exit();
        // The CPU's cluster goes on at 17 though its slots were freed; when it is full the next
        // cluster is 2: cluster 1, freed last, went to the free list's tail. Slots freed by munmap
        // in a cluster other than the CPU's are not taken while the CPU's has room.
        Pages third = process(521);
        third.pageout(0, 511);
        assertThat(third.offset(0)).isEqualTo(17);
        assertThat(third.offset(510)).isEqualTo(1039);
        third.task().munmap(third.address() + 5 * PAGE_SIZE, PAGE_SIZE);
        third.task().munmap(third.address() + 7 * PAGE_SIZE, PAGE_SIZE);
        third.pageout(511, 521);
        assertThat(third.offsets(511, 521)).isEqualTo(range(1040, 1050));
        third.task().exit();
        // Cluster 0, allocated from again, is on the frag list: its holes are not looked at while
        // a free cluster (3, after 1 and 2 went to the tail) is left.
        Pages fourth = process(520);
        fourth.pageout(0, 20);
        fourth.task().munmap(fourth.address() + 2 * PAGE_SIZE, 3 * PAGE_SIZE);
        fourth.pageout(20, 520);
        assertThat(fourth.offsets(500, 520)).isEqualTo(Stream.concat(range(501, 512).stream(), range(1536, 1545).stream()).toList());
        kernel.checkInvariants();
    }
}
