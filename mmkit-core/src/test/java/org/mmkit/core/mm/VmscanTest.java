package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;
import static org.mmkit.core.mm.NumberedPages.pte;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * LRU aging and reclaim under memory pressure ({@link Vmscan}), on a small RAM with swap. The
 * lists and flags are not visible on the kernel, and pressure there comes and goes with other
 * activity, so these follow the Linux 6.18 sources named on each test (classic LRU, no MGLRU);
 * the visible effects the kernel shows are scenarios/swap.
 */
class VmscanTest {
    /** 64 frames of RAM (62 usable) and 256 swap slots. */
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(64)
            .swapAreas(List.of(new KernelConfig.SwapSpace(256, -2))).build());
    private final Task task = (Task) kernel.newProcess(true);
    private final PhysicalMemory memory = task.machine.memory;

    @AfterEach
    void close() {
        kernel.close();
    }

    private int pfn(long va) {
        return (int) PteLayout.pfn(pte(task, va));
    }

    private int list(long va) {
        return task.call(() -> memory.lruList(pfn(va)));
    }

    private boolean referenced(long va) {
        return task.call(() -> memory.test(pfn(va), PhysicalMemory.PG_REFERENCED));
    }

    /** A new mapping of {@code pages} {@link NumberedPages}, written in order (oldest first). */
    private long anon(int pages) {
        return NumberedPages.map(task, pages);
    }

    /**
     * {@code folio_add_lru}: a new anonymous page starts inactive; {@code folio_mark_accessed}
     * (GUP's touch) sets PG_referenced, activates a referenced inactive page, and leaves an
     * active one referenced.
     */
    @Test
    void aPageStartsInactiveAndASecondTouchActivatesIt() {
        long a = anon(1);
        assertThat(list(a)).isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        assertThat(referenced(a)).isFalse();
        task.madvise(a, PAGE_SIZE, MADV_POPULATE_READ);
        assertThat(list(a)).isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        assertThat(referenced(a)).isTrue();
        task.madvise(a, PAGE_SIZE, MADV_POPULATE_READ);
        assertThat(list(a)).isEqualTo(PhysicalMemory.LRU_ACTIVE_ANON);
        assertThat(referenced(a)).isFalse();
        task.madvise(a, PAGE_SIZE, MADV_POPULATE_READ);
        task.madvise(a, PAGE_SIZE, MADV_POPULATE_READ);
        assertThat(list(a)).isEqualTo(PhysicalMemory.LRU_ACTIVE_ANON);
        assertThat(referenced(a)).isTrue();
        kernel.checkInvariants();
    }

    /**
     * {@code lru_deactivate} (MADV_COLD): an active page moves to the head of the inactive list
     * and loses PG_referenced; an inactive page keeps its place (only its young bit and flag go).
     */
    @Test
    void coldMovesAnActivePageToTheInactiveHeadAndLeavesInactiveOnesInPlace() {
        long a = anon(3);
        for (int i = 0; i < 3; i++) {
            task.madvise(a + PAGE_SIZE, PAGE_SIZE, MADV_POPULATE_READ); // active, then referenced
        }
        assertThat(list(a + PAGE_SIZE)).isEqualTo(PhysicalMemory.LRU_ACTIVE_ANON);
        int before = task.call(() -> memory.lruNext(pfn(a + 2 * PAGE_SIZE)));
        task.madvise(a, 3 * PAGE_SIZE, MADV_COLD);
        assertThat(list(a + PAGE_SIZE)).isEqualTo(PhysicalMemory.LRU_INACTIVE_ANON);
        assertThat(task.call(() -> memory.lruFirst(PhysicalMemory.LRU_INACTIVE_ANON))).isEqualTo(pfn(a + PAGE_SIZE));
        assertThat(referenced(a + PAGE_SIZE)).isFalse();
        assertThat(task.call(() -> memory.lruNext(pfn(a + 2 * PAGE_SIZE)))).as("an inactive page stays").isEqualTo(before);
        assertThat(PteLayout.isYoung(pte(task, a))).isFalse();
        kernel.checkInvariants();
    }

    /**
     * {@code folio_check_references}: a young PTE keeps the page for another round with
     * PG_referenced set (and the young bit cleared); a second reference activates it; a page
     * neither young nor referenced is reclaimed; a young page mapped twice is activated at once.
     */
    @Test
    void referencesDecideBetweenKeepActivateAndReclaim() {
        long a = anon(1);
        int page = pfn(a);
        Machine machine = task.machine;
        assertThat(task.call(() -> Vmscan.checkReferences(machine, page))).isEqualTo(Pageout.Outcome.KEEP);
        assertThat(PteLayout.isYoung(pte(task, a))).isFalse();
        assertThat(referenced(a)).isTrue();
        task.loadLong(a); // the TLB was flushed when the young bit went: the load sets it again
        assertThat(task.call(() -> Vmscan.checkReferences(machine, page))).isEqualTo(Pageout.Outcome.ACTIVATE);
        assertThat(task.call(() -> Vmscan.checkReferences(machine, page))).as("referenced, not young")
                .isEqualTo(Pageout.Outcome.RECLAIM);
        Task child = (Task) task.fork();
        task.loadLong(a);
        child.loadLong(a);
        assertThat(task.call(() -> Vmscan.checkReferences(machine, page))).as("two young PTEs")
                .isEqualTo(Pageout.Outcome.ACTIVATE);
        child.exit();
    }

    /**
     * Direct reclaim: touching more pages than RAM holds swaps the oldest out (from the tail of
     * the inactive list, in batches of {@code SWAP_CLUSTER_MAX}); every page keeps its data, and
     * the most recent pages stay resident.
     */
    @Test
    void pressureSwapsTheOldestPagesOutAndEveryPageComesBack() {
        int pages = 100;
        long a = anon(pages);
        assertThat(Mm.isSwapEntry(pte(task, a))).as("the first page went first").isTrue();
        assertThat(PteLayout.isPresent(pte(task, a + (pages - 1) * PAGE_SIZE))).isTrue();
        assertThat(task.status()).containsPattern("VmSwap:\\s+[1-9]");
        kernel.checkInvariants();
        NumberedPages.assertIntact(task, a, pages);
        kernel.checkInvariants();
    }

    /**
     * {@code try_to_unmap_one}'s MADV_FREE branch: PAGEOUT drops a lazily freed page that was not
     * written again (it reads as zero, with no swap entry), and keeps a rewritten one, which
     * becomes swap-backed and active again.
     */
    @Test
    void pageoutDropsCleanLazyFreePagesAndKeepsRewrittenOnes() {
        long a = anon(2);
        task.madvise(a, 2 * PAGE_SIZE, MADV_FREE);
        task.storeLong(a + PAGE_SIZE, 7);
        task.madvise(a, 2 * PAGE_SIZE, MADV_PAGEOUT);
        assertThat(pte(task, a)).isZero();
        assertThat(list(a + PAGE_SIZE)).isEqualTo(PhysicalMemory.LRU_ACTIVE_ANON);
        assertThat(task.call(() -> memory.test(pfn(a + PAGE_SIZE), PhysicalMemory.PG_SWAPBACKED))).isTrue();
        assertThat(task.loadLong(a)).isZero();
        assertThat(task.loadLong(a + PAGE_SIZE)).isEqualTo(7);
        assertThat(task.status()).contains("VmSwap:\t       0 kB");
        kernel.checkInvariants();
    }

    /**
     * {@code wp_page_copy} holds the page it copies across the allocation of the copy. Here that
     * allocation reclaims the page itself (the oldest inactive one, mapped by parent and child):
     * without the hold the page is freed and its frame handed out as the copy, zeroed, so the
     * parent's write would land on a page of zeros. With it the page stays (in the swap cache),
     * the parent's PTE changed meanwhile, so the fault is walked again and swaps the page in.
     */
    @Test
    void aCowSourceReclaimedByTheCopysAllocationKeepsItsData() {
        long q = anon(1); // older: freed first, so the shared page's frame is the one reused
        long p = anon(1);
        Task child = (Task) task.fork();
        task.call(() -> {
            // the shared page is the oldest and nothing references it: the first to go
            task.mm.updatePte(q, task.mm.pte(q) & ~PteLayout.ACCESSED);
            task.mm.updatePte(p, task.mm.pte(p) & ~PteLayout.ACCESSED);
            return null;
        });
        int free = task.call(() -> memory.freeFrames());
        long filler = task.mmap(0, free * PAGE_SIZE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED | MAP_POPULATE, -1, 0);
        assertThat(task.call(() -> memory.freeFrames())).isZero();
        task.storeLong(p + 8, 42);
        assertThat(task.loadLong(p)).isEqualTo(1000);
        assertThat(task.loadLong(p + 8)).isEqualTo(42);
        assertThat(child.loadLong(p)).isEqualTo(1000);
        assertThat(child.loadLong(p + 8)).isZero();
        assertThat(task.loadLong(filler)).isZero();
        kernel.checkInvariants();
    }

    /**
     * Reclaim unmaps a page from every process through the anon rmap. A page read back in from a
     * slot fork shared joins the swap cache, where the other process finds it; it must point at
     * the oldest anon_vma ({@code __folio_set_anon} for a page that is not exclusive), which both
     * processes' VMAs chain to, or reclaim would miss the parent's mapping.
     */
    @Test
    void reclaimFindsAPageSwappedInFromASharedSlotInEveryProcess() {
        long a = anon(1);
        task.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
        Task child = (Task) task.fork();
        assertThat(child.loadLong(a)).isEqualTo(1000);
        assertThat(task.loadLong(a)).isEqualTo(1000);
        kernel.checkInvariants();
        // the first pass activates the page (two young PTEs) and ages it back, the second frees it
        assertThat(task.call(() -> Vmscan.tryToFreePages(task.machine, Vmscan.SWAP_CLUSTER_MAX))).isZero();
        assertThat(task.call(() -> Vmscan.tryToFreePages(task.machine, Vmscan.SWAP_CLUSTER_MAX))).isEqualTo(1);
        assertThat(Mm.isSwapEntry(pte(task, a))).isTrue();
        assertThat(Mm.isSwapEntry(pte(child, a))).isTrue();
        kernel.checkInvariants();
        assertThat(child.loadLong(a)).isEqualTo(1000);
        child.exit();
    }

    /** Without swap, anonymous pages cannot be reclaimed: RAM running out is still the OOM kill. */
    @Test
    void withoutSwapExhaustedRamStillEndsTheProcess() {
        try (Kernel noSwap = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(64).build())) {
            Task t = (Task) noSwap.newProcess(true);
            long a = t.mmap(0, 100 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            assertThatThrownBy(() -> t.madvise(a, 100 * PAGE_SIZE, MADV_POPULATE_WRITE))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
            noSwap.checkInvariants();
        }
    }
}
