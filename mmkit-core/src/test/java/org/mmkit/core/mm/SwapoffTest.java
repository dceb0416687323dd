package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.ErrnoException;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.UserStrings;
import org.mmkit.core.pgtable.PteLayout;
import org.mmkit.core.pgtable.SwapEntryLayout;

/**
 * swapoff cases the kernel here cannot show: not enough RAM for the pages (ENOMEM, the area stays
 * on), areas of other types left alone, the type reused by the next swapon, the swap cache emptied.
 * Each follows {@code mm/swapfile.c} of Linux 6.18 ({@code swapoff}, {@code try_to_unuse},
 * {@code reinsert_swap_info}, {@code alloc_swap_info}); the cases the kernel shows are
 * scenarios/swap/swapoff-*.mms.
 */
class SwapoffTest {
    private static Kernel kernel(long ramPages, KernelConfig.SwapSpace... areas) {
        return Kernel.create(KernelConfig.linux618().toBuilder().ramPages(ramPages).swapAreas(List.of(areas)).build());
    }

    private static long anon(Task task, int pages) {
        long a = task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        for (int i = 0; i < pages; i++) {
            task.storeLong(a + i * PAGE_SIZE, 100 + i);
        }
        return a;
    }

    private static long inUse(Task task, int type) {
        return task.call(() -> task.machine.swap.areaOfType(type).inUse);
    }

    /**
     * More pages out in the area than RAM can take back: swapoff is ENOMEM once the frames run out,
     * the area stays on with what is still out there, and every page is intact either way.
     */
    @Test
    void swapoffWithoutRoomForThePagesIsEnomemAndKeepsTheArea() {
        try (Kernel kernel = kernel(96, new KernelConfig.SwapSpace(256, -2))) {
            Task task = (Task) kernel.newProcess(true);
            int pages = task.call(() -> task.machine.memory.freeFrames()) - 8;
            long a = anon(task, pages);
            task.madvise(a, pages * PAGE_SIZE, MADV_PAGEOUT);
            long b = anon(task, pages);
            assertThatThrownBy(() -> kernel.swapoff(0)).isInstanceOf(ErrnoException.class)
                    .extracting(e -> ((ErrnoException) e).errno()).isEqualTo(Errno.ENOMEM);
            assertThat(inUse(task, 0)).isPositive().isLessThan(pages);
            kernel.checkInvariants();
            task.munmap(b, pages * PAGE_SIZE);
            kernel.swapoff(0);
            for (int i = 0; i < pages; i++) {
                assertThat(task.loadLong(a + i * PAGE_SIZE)).isEqualTo(100 + i);
            }
            kernel.checkInvariants();
        }
    }

    /** Only the area switched off gives its pages back; its type goes to the next swapon. */
    @Test
    void otherAreasStayAndTheTypeIsReused() {
        try (Kernel kernel = kernel(1024, new KernelConfig.SwapSpace(8, 5), new KernelConfig.SwapSpace(8, -2))) {
            Task task = (Task) kernel.newProcess(true);
            long a = anon(task, 9);
            task.madvise(a, 9 * PAGE_SIZE, MADV_PAGEOUT); // 7 slots of type 0 (priority 5), then 2 of type 1
            assertThat(inUse(task, 0)).isEqualTo(7);
            assertThat(inUse(task, 1)).isEqualTo(2);
            kernel.swapoff(0);
            assertThatThrownBy(() -> kernel.swapoff(0)).isInstanceOf(ErrnoException.class);
            long last = task.call(() -> task.mm.pte(a + 8 * PAGE_SIZE));
            assertThat(SwapEntryLayout.type(last)).isEqualTo(1);
            assertThat(PteLayout.isPresent(task.call(() -> task.mm.pte(a)))).isTrue();
            kernel.checkInvariants();
            assertThat(kernel.swapon(8, 6)).isZero();
            // The CPU's cluster is in type 1 and has room: swap_alloc_fast takes it whatever the
            // priorities (as the kernel here does); the new area gets the next new cluster.
            task.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
            assertThat(SwapEntryLayout.type(task.call(() -> task.mm.pte(a)))).isEqualTo(1);
            assertThat(SwapEntryLayout.offset(task.call(() -> task.mm.pte(a)))).isEqualTo(3);
            kernel.checkInvariants();
        }
    }

    /**
     * A page the swap cache holds after a swap-in (the other process of a fork still had the
     * entry) leaves it with the area, and a shmem file's pages come back into its page cache even
     * when no process maps or opens it but a directory names it.
     */
    @Test
    void theSwapCacheAndUnmappedShmemFilesAreEmptied() {
        try (Kernel kernel = kernel(1024, new KernelConfig.SwapSpace(16, -2))) {
            Task task = (Task) kernel.newProcess(true);
            long a = anon(task, 1);
            task.madvise(a, PAGE_SIZE, MADV_PAGEOUT);
            Task child = (Task) task.fork();
            assertThat(task.loadLong(a)).isEqualTo(100); // into the swap cache: the child still points at the slot
            int fd = UserStrings.memfd(task, "gone", 0);
            task.ftruncate(fd, PAGE_SIZE);
            long s = task.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
            task.storeLong(s, 7);
            task.madvise(s, PAGE_SIZE, MADV_PAGEOUT);
            task.munmap(s, PAGE_SIZE);
            assertThat(inUse(task, 0)).isEqualTo(2);
            kernel.swapoff(0);
            assertThat(task.call(() -> task.machine.swap.cachedEntries())).isEmpty();
            assertThat(task.call(() -> task.machine.swap.areas())).isEmpty();
            assertThat(child.loadLong(a)).isEqualTo(100);
            assertThat(task.pread(fd, a, 8, 0)).isEqualTo(8);
            assertThat(task.loadLong(a)).isEqualTo(7);
            kernel.checkInvariants();
        }
    }
}
