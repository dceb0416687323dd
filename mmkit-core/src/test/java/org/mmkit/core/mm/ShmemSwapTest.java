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

/**
 * Shmem swap cases the kernel here cannot show reliably (a machine without swap, which another
 * run's lent area may contradict; a full area; slots freed at the file's last release) or that a
 * scenario cannot see (page-cache entries). Each follows the Linux 6.18 source it names; the
 * cases the kernel shows are scenarios/swap/shmem-*.mms.
 */
class ShmemSwapTest {
    private static Kernel kernel(int swapPages) {
        KernelConfig.Builder config = KernelConfig.linux618().toBuilder();
        if (swapPages > 0) {
            config.swapAreas(List.of(new KernelConfig.SwapSpace(swapPages, -2)));
        }
        return Kernel.create(config.build());
    }

    /** A shared memfd mapping of {@code pages} pages whose page i holds the word 100 + i. */
    private static long sharedMemfd(Task task, int pages) {
        int fd = UserStrings.memfd(task, "swap", 0);
        task.ftruncate(fd, pages * PAGE_SIZE);
        long s = task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        for (int i = 0; i < pages; i++) {
            task.storeLong(s + i * PAGE_SIZE, 100 + i);
        }
        return s;
    }

    private static ShmemFile fileOf(Task task, long va) {
        return task.call(() -> task.mm.vmaAt(va).file);
    }

    private static long cacheEntry(Task task, ShmemFile file, long index) {
        return task.call(() -> file.pageCache.load(index));
    }

    /**
     * {@code shmem_writeout} with no swap on ({@code !total_swap_pages}): the page is redirtied and
     * stays cached, but {@code try_to_unmap} before it already cleared the PTE.
     */
    @Test
    void withoutSwapPageoutUnmapsShmemButKeepsItCached() {
        try (Kernel kernel = kernel(0)) {
            Task task = (Task) kernel.newProcess(true);
            long s = sharedMemfd(task, 2);
            task.madvise(s, 2 * PAGE_SIZE, MADV_PAGEOUT);
            assertThat(task.call(() -> task.mm.pte(s))).isZero();
            ShmemFile file = fileOf(task, s);
            assertThat(PageCache.isPage(cacheEntry(task, file, 0))).isTrue();
            assertThat(task.mincore(s, 2 * PAGE_SIZE)).containsExactly(1, 1);
            kernel.checkInvariants();
            assertThat(task.loadLong(s + PAGE_SIZE)).isEqualTo(101);
        }
    }

    /** A full area: the pages it took are in swap, the others stay cached (and unmapped). */
    @Test
    void pagesBeyondAFullSwapAreaStayInThePageCache() {
        try (Kernel kernel = kernel(3)) {
            Task task = (Task) kernel.newProcess(true);
            long s = sharedMemfd(task, 3);
            ShmemFile file = fileOf(task, s);
            task.madvise(s, 3 * PAGE_SIZE, MADV_PAGEOUT);
            assertThat(PageCache.isValue(cacheEntry(task, file, 0))).isTrue();
            assertThat(PageCache.isValue(cacheEntry(task, file, 1))).isTrue();
            assertThat(PageCache.isPage(cacheEntry(task, file, 2))).isTrue();
            assertThat(task.smaps()).contains("Swap:                  8 kB");
            kernel.checkInvariants();
            for (int i = 0; i < 3; i++) {
                assertThat(task.loadLong(s + i * PAGE_SIZE)).isEqualTo(100 + i);
            }
            kernel.checkInvariants();
        }
    }

    /** The file's last release ({@code shmem_evict_inode} → {@code shmem_undo_range}) frees its slots. */
    @Test
    void theLastReleaseOfTheFileFreesItsSlots() {
        try (Kernel kernel = kernel(16)) {
            Task task = (Task) kernel.newProcess(true);
            long s = sharedMemfd(task, 4);
            task.madvise(s, 4 * PAGE_SIZE, MADV_PAGEOUT);
            assertThat(task.call(() -> task.machine.swap.areas().getFirst().inUse)).isEqualTo(4);
            task.exit();
            Task other = (Task) kernel.newProcess(true);
            assertThat(other.call(() -> other.machine.swap.areas().getFirst().inUse)).isZero();
            kernel.checkInvariants();
        }
    }

    /**
     * {@code shmem_swapin_folio} with no frame to read the page into: a fault is OOM (the process
     * dies of SIGKILL here) and a read() ENOMEM, and the slot keeps the page for later.
     */
    @Test
    void aSwapInWithoutAFreeFrameFailsAndKeepsTheSlot() {
        KernelConfig config = KernelConfig.linux618().toBuilder().ramPages(64)
                .swapAreas(List.of(new KernelConfig.SwapSpace(16, -2))).build();
        try (Kernel kernel = Kernel.create(config)) {
            Task task = (Task) kernel.newProcess(true);
            long s = sharedMemfd(task, 1);
            int fd = 3;
            task.madvise(s, PAGE_SIZE, MADV_PAGEOUT);
            long buf = task.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            task.storeLong(buf, 0);
            task.mlock(buf, PAGE_SIZE);
            // use up every free frame with a populated anonymous region, locked so that reclaim cannot take it
            int free = task.call(() -> task.machine.memory.freeFrames());
            long hog = task.mmap(0, free * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0);
            for (int i = 0; i < free; i++) {
                task.storeLong(hog + i * PAGE_SIZE, 1);
            }
            assertThat(task.call(() -> task.machine.memory.freeFrames())).isZero();
            assertThatThrownBy(() -> task.pread(fd, buf, 8, 0)).isInstanceOf(ErrnoException.class)
                    .extracting(e -> ((ErrnoException) e).errno()).isEqualTo(Errno.ENOMEM);
            kernel.checkInvariants();
            task.munmap(hog, PAGE_SIZE);
            assertThat(task.pread(fd, buf, 8, 0)).isEqualTo(8);
            assertThat(task.loadLong(buf)).isEqualTo(100);
            kernel.checkInvariants();
        }
    }
}
