package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;
import static org.mmkit.core.mm.NumberedPages.pte;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.UserStrings;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * Reclaim asked for through {@link Kernel#reclaim}. Which pages a partial reclaim takes is not
 * reproducible on the kernel (other memory of the machine is on the same lists), so the victims
 * follow the Linux 6.18 sources named on each test; reclaiming everything, which the kernel shows
 * through a memory cgroup's {@code memory.force_empty}, is scenarios/swap/reclaim-*.mms.
 */
class KernelReclaimTest {
    /** 1,024 frames of RAM and 2,048 swap slots. */
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(1024)
            .swapAreas(List.of(new KernelConfig.SwapSpace(2048, -2))).build());
    private final Task task = (Task) kernel.newProcess(true);
    private final PhysicalMemory memory = task.machine.memory;

    @AfterEach
    void close() {
        kernel.close();
    }

    private boolean swapped(Task t, long va) {
        return Mm.isSwapEntry(pte(t, va));
    }

    /** A new mapping of {@code pages} {@link NumberedPages}, written in order (oldest first). */
    private long anon(int pages) {
        return NumberedPages.map(task, pages);
    }

    /** Clears the young bit of every PTE of the range, as if a scan had looked at them since the last access. */
    private void age(long a, int pages) {
        task.call(() -> {
            for (int i = 0; i < pages; i++) {
                long va = a + i * PAGE_SIZE;
                task.mm.updatePte(va, task.mm.pte(va) & ~PteLayout.ACCESSED);
            }
            return null;
        });
    }

    /**
     * {@code shrink_inactive_list} takes pages from the tail of the inactive list, the oldest
     * first, while {@code folio_check_references} rotates a page whose PTE was young to the head
     * with PG_referenced set; a partial reclaim stops once a priority's scan has freed a round's
     * {@code SWAP_CLUSTER_MAX} ({@code do_try_to_free_pages}). So the pages freed are the oldest
     * ones not referenced, in order, and the referenced oldest stay.
     */
    @Test
    void aPartialReclaimTakesTheOldestUnreferencedPagesAndRotatesReferencedOnes() {
        int pages = 600;
        long a = anon(pages);
        age(a, pages);
        for (int i = 0; i < 3; i++) {
            task.loadLong(a + i * PAGE_SIZE); // the three oldest are young again
        }
        long freed = kernel.reclaim(1);
        assertThat(freed).as("at least a round's batch, far from all").isBetween((long) Vmscan.SWAP_CLUSTER_MAX, 100L);
        for (int i = 0; i < 3; i++) {
            assertThat(swapped(task, a + i * PAGE_SIZE)).as("referenced page %d", i).isFalse();
            int pfn = (int) PteLayout.pfn(pte(task, a + i * PAGE_SIZE));
            assertThat(task.call(() -> memory.test(pfn, PhysicalMemory.PG_REFERENCED))).isTrue();
            assertThat(task.call(() -> memory.lruList(pfn))).isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        }
        int head = task.call(() -> memory.lruFirst(PhysicalMemory.LRU_INACTIVE_ANON));
        assertThat(head).as("rotated to the head, the last one first").isEqualTo((int) PteLayout.pfn(pte(task, a + 2 * PAGE_SIZE)));
        for (int i = 3; i < pages; i++) {
            assertThat(swapped(task, a + i * PAGE_SIZE)).as("page %d", i).isEqualTo(i < 3 + freed);
        }
        kernel.checkInvariants();
        NumberedPages.assertIntact(task, a, pages);
        kernel.checkInvariants();
    }

    /**
     * Reclaiming everything ({@code mem_cgroup_force_empty}: rounds until nothing is left or
     * nothing more goes): young pages go too, a round after their reference was seen; private
     * pages, pages fork shares (every PTE becomes a swap entry, unlike MADV_PAGEOUT) and memfd
     * pages go to swap; a clean MADV_FREE page is dropped; a page of a VM_LOCKED VMA stays
     * ({@code folio_referenced} stops at it). Every byte comes back.
     */
    @Test
    void reclaimingEverythingTakesEveryPageButLockedOnes() {
        long a = anon(4);
        long shared = anon(2);
        Task child = (Task) task.fork();
        long free = anon(2);
        task.madvise(free, 2 * PAGE_SIZE, MADV_FREE);
        long locked = anon(1);
        task.mlock(locked, PAGE_SIZE);
        int fd = UserStrings.memfd(task, "reclaim", 0);
        task.ftruncate(fd, 2 * PAGE_SIZE);
        long s = task.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        task.storeLong(s, 77);
        task.storeLong(s + PAGE_SIZE, 78);

        long freed = kernel.reclaim(Long.MAX_VALUE);

        assertThat(freed).isEqualTo(4 + 2 + 2 + 2);
        for (int i = 0; i < 4; i++) {
            assertThat(swapped(task, a + i * PAGE_SIZE)).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(swapped(task, shared + i * PAGE_SIZE)).isTrue();
            assertThat(swapped(child, shared + i * PAGE_SIZE)).isTrue();
            assertThat(pte(task, free + i * PAGE_SIZE)).as("dropped, no swap entry").isZero();
            assertThat(pte(task, s + i * PAGE_SIZE)).as("shmem: the page cache holds the slot").isZero();
        }
        assertThat(PteLayout.isPresent(pte(task, locked))).isTrue();
        assertThat(task.status()).contains("VmSwap:\t      24 kB");
        assertThat(kernel.reclaim(Long.MAX_VALUE)).as("nothing more to take").isZero();
        kernel.checkInvariants();

        NumberedPages.assertIntact(task, a, 4);
        NumberedPages.assertIntact(task, shared, 2);
        NumberedPages.assertIntact(child, shared, 2);
        for (int i = 0; i < 2; i++) {
            assertThat(task.loadLong(free + i * PAGE_SIZE)).isZero();
        }
        assertThat(task.loadLong(locked)).isEqualTo(1000);
        assertThat(task.loadLong(s)).isEqualTo(77);
        assertThat(task.loadLong(s + PAGE_SIZE)).isEqualTo(78);
        kernel.checkInvariants();
        child.exit();
    }

    /**
     * Without swap ({@code can_reclaim_anon_pages} false) only clean lazily freed pages can go:
     * reclaim frees those and stops, after its retries, with the rest resident.
     */
    @Test
    void withoutSwapOnlyLazilyFreedPagesGo() {
        try (Kernel noSwap = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(256).build())) {
            Task t = (Task) noSwap.newProcess(true);
            long a = t.mmap(0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            for (int i = 0; i < 3; i++) {
                t.storeLong(a + i * PAGE_SIZE, 5 + i);
            }
            t.madvise(a, PAGE_SIZE, MADV_FREE);
            assertThat(noSwap.reclaim(Long.MAX_VALUE)).isEqualTo(1);
            assertThat(t.loadLong(a)).isZero();
            assertThat(t.loadLong(a + PAGE_SIZE)).isEqualTo(6);
            assertThat(t.loadLong(a + 2 * PAGE_SIZE)).isEqualTo(7);
            noSwap.checkInvariants();
        }
    }

    @Test
    void aNegativeCountIsRefusedAndZeroDoesNothing() {
        long a = anon(1);
        assertThatThrownBy(() -> kernel.reclaim(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThat(kernel.reclaim(0)).isZero();
        assertThat(swapped(task, a)).isFalse();
    }
}
