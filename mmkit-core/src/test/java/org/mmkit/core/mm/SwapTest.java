package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.Signal;
import org.mmkit.core.SimProcess;
import org.mmkit.core.UserStrings;
import org.mmkit.core.abi.PagemapEntryLayout;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * Swap cases the kernel here cannot show or a scenario cannot reach: a full swap area, the swap
 * entry's soft-dirty and uffd-wp bits, what an unprivileged pagemap reader sees, the boot areas of
 * {@link KernelConfig#swapAreas()}. Each follows the Linux 6.18 source it names; the cases the
 * kernel shows are scenarios/swap.
 */
class SwapTest {
    /** A swap area of 3 pages: the header and slots 1 and 2. */
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder()
            .swapAreas(List.of(new KernelConfig.SwapSpace(3, -2))).build());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private static long pte(Task t, long va) {
        return t.call(() -> t.mm.pte(va));
    }

    private static long pagemap(SimProcess process, long addr) {
        byte[] buf = new byte[8];
        assertThat(process.pagemapRead(addr / PAGE_SIZE * 8, buf)).isEqualTo(8);
        return ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private long anon(int pages) {
        long a = task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        for (int i = 0; i < pages; i++) {
            task.storeLong(a + i * PAGE_SIZE, 100 + i);
        }
        return a;
    }

    /** {@code shrink_folio_list}: a page {@code add_to_swap} finds no slot for stays mapped (activate_locked). */
    @Test
    void pagesBeyondAFullSwapAreaStayMapped() {
        long a = anon(3);
        task.madvise(a, 3 * PAGE_SIZE, MADV_PAGEOUT);
        assertThat(SwapEntryLayout.offset(pte(task, a))).isEqualTo(1);
        assertThat(SwapEntryLayout.offset(pte(task, a + PAGE_SIZE))).isEqualTo(2);
        assertThat(PteLayout.isPresent(pte(task, a + 2 * PAGE_SIZE))).isTrue();
        assertThat(task.status()).contains("VmSwap:\t       8 kB\n");
        kernel.checkInvariants();
        for (int i = 0; i < 3; i++) {
            assertThat(task.loadLong(a + i * PAGE_SIZE)).isEqualTo(100 + i);
        }
        assertThat(task.status()).contains("VmSwap:\t       0 kB");
        kernel.checkInvariants();
    }

    /**
     * {@code try_to_unmap_one} carries soft-dirty and uffd-wp into the swap entry
     * ({@code pte_swp_mksoft_dirty}, {@code pte_swp_mkuffd_wp}), and {@code do_swap_page} brings
     * them back to the PTE; pagemap shows both on the swap entry. The bits are set by hand: no
     * profile here tracks soft-dirty and the model registers no userfaultfd yet.
     */
    @Test
    void softDirtyAndUffdWpSurviveTheTripThroughSwap() {
        long a = anon(1);
        task.call(() -> {
            task.mm.updatePte(a, task.mm.pte(a) | PteLayout.SOFT_DIRTY | PteLayout.UFFD_WP);
            return null;
        });
        task.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
        long swapped = pte(task, a);
        assertThat(swapped & SwapEntryLayout.FLAG_BITS)
                .isEqualTo(SwapEntryLayout.SOFT_DIRTY | SwapEntryLayout.UFFD_WP | SwapEntryLayout.EXCLUSIVE);
        assertThat(pagemap(task, a) & ~PagemapEntryLayout.FRAME_MASK)
                .isEqualTo(PagemapEntryLayout.SWAP | PagemapEntryLayout.SOFT_DIRTY | PagemapEntryLayout.UFFD_WP);
        assertThat(task.loadLong(a)).isEqualTo(100);
        long back = pte(task, a);
        assertThat(PteLayout.isSoftDirty(back)).isTrue();
        assertThat(PteLayout.isUffdWp(back)).isTrue();
        kernel.checkInvariants();
    }

    /** {@code pagemap_pte_range}: without CAP_SYS_ADMIN the swap type and offset read as 0, bit 62 stays. */
    @Test
    void anUnprivilegedReaderSeesTheSwapBitWithoutTypeOrOffset() {
        try (Kernel k = Kernel.create(KernelConfig.linux618().toBuilder()
                .swapAreas(List.of(new KernelConfig.SwapSpace(16, -2))).build())) {
            SimProcess p = k.newProcess(false);
            long a = p.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            p.storeLong(a, 1);
            p.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
            assertThat(pagemap(p, a)).isEqualTo(PagemapEntryLayout.SWAP);
        }
    }

    /** Areas switched on later take the next type; pages go to the area of highest priority. */
    @Test
    void swaponAddsAnAreaOfTheNextTypeAndPriorityPicksTheArea() {
        assertThat(kernel.swapon(8, 5)).isEqualTo(1);
        long a = anon(1);
        task.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
        assertThat(SwapEntryLayout.type(pte(task, a))).isEqualTo(1);
        assertThat(SwapEntryLayout.offset(pte(task, a))).isEqualTo(1);
        kernel.checkInvariants();
    }

    /** Without a swap area PAGEOUT reclaims nothing from an anonymous mapping. */
    @Test
    void withoutSwapPageoutLeavesAnonymousPagesMapped() {
        try (Kernel k = Kernel.create(KernelConfig.linux618())) {
            Task t = (Task) k.newProcess(true);
            long a = t.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            t.storeLong(a, 5);
            t.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
            assertThat(PteLayout.isPresent(pte(t, a))).isTrue();
            k.checkInvariants();
        }
    }

    /** The last process holding swap entries exits: every slot is free again. */
    @Test
    void exitFreesEverySlot() {
        long a = anon(2);
        task.madvise(a, 2 * PAGE_SIZE, MADV_PAGEOUT);
        Task child = (Task) task.fork();
        task.exit();
        assertThat(child.call(() -> child.machine.swap.areas().getFirst().inUse)).isEqualTo(2);
        child.exit();
        Task other = (Task) kernel.newProcess(true);
        assertThat(other.call(() -> other.machine.swap.areas().getFirst().inUse)).isZero();
        kernel.checkInvariants();
    }

    private long slotsInUse() {
        return task.call(() -> task.machine.swap.areas().getFirst().inUse);
    }

    /**
     * {@code madvise_free_pte_range}: a swap entry in the range is dropped at once with its slot
     * ({@code free_swap_and_cache_nr}), so the page reads as zero; scenarios/swap/free-discards-swap-entries.mms.
     */
    @Test
    void madviseFreeDropsSwapEntriesAndTheirSlots() {
        long a = anon(2);
        task.madvise(a, 2 * PAGE_SIZE, MADV_PAGEOUT);
        assertThat(slotsInUse()).isEqualTo(2);
        task.madvise(a, PAGE_SIZE, MADV_FREE);
        assertThat(pte(task, a)).isZero();
        assertThat(slotsInUse()).isEqualTo(1);
        assertThat(task.status()).contains("VmSwap:\t       4 kB\n");
        assertThat(task.loadLong(a)).isZero();
        assertThat(task.loadLong(a + PAGE_SIZE)).isEqualTo(101);
        kernel.checkInvariants();
    }

    /**
     * A private mapping's copies of a memfd's pages, out in swap: a hole punch keeps them
     * ({@code unmap_mapping_range} with even_cows 0), a truncation drops them with their slots
     * (even_cows 1: {@code zap_nonpresent_ptes}, {@code should_zap_cows}), and the range past the
     * end raises SIGBUS; scenarios/swap/memfd-private-swapped-cow-punch-truncate.mms.
     */
    @Test
    void truncationDropsSwappedPrivateCopiesAndAPunchKeepsThem() {
        int fd = UserStrings.memfd(task, "cow", 0);
        task.ftruncate(fd, 2 * PAGE_SIZE);
        long p = task.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        task.storeLong(p, 7);
        task.storeLong(p + PAGE_SIZE, 8);
        task.madvise(p, 2 * PAGE_SIZE, MADV_PAGEOUT);
        assertThat(slotsInUse()).isEqualTo(2);
        task.fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 2 * PAGE_SIZE);
        assertThat(slotsInUse()).isEqualTo(2);
        task.ftruncate(fd, PAGE_SIZE);
        assertThat(pte(task, p + PAGE_SIZE)).isZero();
        assertThat(slotsInUse()).isEqualTo(1);
        assertThatThrownBy(() -> task.loadLong(p + PAGE_SIZE))
                .isInstanceOfSatisfying(MemoryFault.class, f -> assertThat(f.signal()).isEqualTo(Signal.SIGBUS));
        assertThat(task.loadLong(p)).isEqualTo(7);
        kernel.checkInvariants();
    }
}
