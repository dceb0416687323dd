package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;

/**
 * Swap readahead cases a scenario does not show: which anon_vma a page read for a slot that fork
 * shared points at, and the PTE table bounding the window. They follow {@code mm/swap_state.c}
 * and {@code mm/rmap.c} of Linux 6.18; the windows the kernel shows are
 * scenarios/swap/readahead-*.mms.
 */
class SwapReadaheadTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder()
            .swapAreas(List.of(new KernelConfig.SwapSpace(2048, -2))).build());

    private long swappedAndShared(Task task, int pages) {
        long a = task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        for (int i = 0; i < pages; i++) {
            task.storeLong(a + i * PAGE_SIZE, 100 + i);
        }
        task.madvise(a, pages * PAGE_SIZE, MADV_PAGEOUT);
        return a;
    }

    /**
     * The child faults first on slots it shares with its parent: the pages read (the faulting one
     * and those read ahead) may be mapped by either process, so they point at the root anon_vma
     * ({@code __folio_set_anon} of a page that is not exclusive), whose rmap finds the parent's
     * mapping too when the parent then maps them from the swap cache.
     */
    @Test
    void pagesReadForSharedSlotsPointAtTheRootAnonVma() {
        Task parent = (Task) kernel.newProcess(true);
        long a = swappedAndShared(parent, 8);
        Task child = (Task) parent.fork();
        child.storeLong(child.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), 1);
        assertThat(child.loadLong(a + 2 * PAGE_SIZE)).isEqualTo(102);
        for (int i = 0; i < 8; i++) {
            assertThat(parent.loadLong(a + i * PAGE_SIZE)).isEqualTo(100 + i);
        }
        kernel.checkInvariants();
        parent.madvise(a, 8 * PAGE_SIZE, MADV_DONTNEED);
        kernel.checkInvariants();
        kernel.close();
    }

    /** The window stops at the faulting PTE table's end ({@code faddr & PMD_MASK} + {@code PMD_SIZE}). */
    @Test
    void theWindowStaysInTheFaultingPteTable() {
        Task task = (Task) kernel.newProcess(true);
        long reserve = task.mmap(0, 4 * PMD_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        long boundary = (reserve + 2 * PMD_SIZE - 1) & -PMD_SIZE;
        long a = task.mmap(boundary - 8 * PAGE_SIZE, 16 * PAGE_SIZE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        for (int i = 0; i < 16; i++) {
            task.storeLong(a + i * PAGE_SIZE, i);
        }
        task.madvise(a, 16 * PAGE_SIZE, MADV_PAGEOUT);
        Task child = (Task) task.fork();
        task.loadLong(a + 6 * PAGE_SIZE); // the first window: 8 pages from 3 below the fault
        assertThat(task.mincore(a, 16 * PAGE_SIZE)).containsExactly(0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        kernel.checkInvariants();
        child.exit();
        kernel.close();
    }
}
