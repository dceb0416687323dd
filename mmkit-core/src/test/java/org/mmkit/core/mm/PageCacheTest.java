package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import org.mmkit.core.UserStrings;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;

/**
 * The page cache with value entries (swap entries, which MADV_PAGEOUT of shmem pages stores) beside
 * pages: lookups, mincore, truncate, hole punch and eviction treat them as shmem does
 * ({@code mm/shmem.c}: {@code shmem_undo_range} frees their slots, {@code filemap_get_folio} skips
 * them, {@code filemap_get_incore_folio} looks into the swap cache).
 */
class PageCacheTest {
    private static final long SWAP = PageCache.valueEntry(0x1234);

    private static Kernel kernelWithSwap() {
        return Kernel.create(KernelConfig.linux618().toBuilder()
                .swapAreas(List.of(new KernelConfig.SwapSpace(16, -2))).build());
    }

    /** Writes the pages {@code indices} of the file through a mapping and sends them to swap. */
    private static void swapOut(Task task, int fd, long size, long... indices) {
        long a = task.mmap(0, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        for (long index : indices) {
            task.storeLong(a + index * PAGE_SIZE, index + 1);
            task.madvise(a + index * PAGE_SIZE, PAGE_SIZE, MADV_PAGEOUT);
        }
        task.munmap(a, size);
    }

    private static long slotsInUse(Task task) {
        return task.call(() -> task.machine.swap.areas().getFirst().inUse);
    }

    @Test
    void entriesEncodeAsTheXarrayDoes() {
        PageCache cache = new PageCache();
        cache.store(3, PageCache.pageEntry(42));
        cache.store(200, SWAP);
        assertThat(PageCache.isPage(cache.load(3))).isTrue();
        assertThat(PageCache.pfn(cache.load(3))).isEqualTo(42);
        assertThat(PageCache.isValue(cache.load(200))).isTrue();
        assertThat(PageCache.value(cache.load(200))).isEqualTo(0x1234);
        assertThat(cache.load(4)).isZero();
        List<Long> seen = new ArrayList<>();
        cache.forEach(0, Long.MAX_VALUE, (index, entry) -> seen.add(index));
        assertThat(seen).containsExactly(3L, 200L);
        assertThat(cache.countPages(0, 1000)).as("value entries are not pages").isEqualTo(1);
        cache.store(3, 0);
        cache.store(200, 0);
        seen.clear();
        cache.forEach(0, Long.MAX_VALUE, (index, entry) -> seen.add(index));
        assertThat(seen).isEmpty();
    }

    @Test
    void aSwapEntryIsNoPageToLookupOrMincore() {
        try (Kernel kernel = kernelWithSwap()) {
            Task task = (Task) kernel.newProcess(true);
            int fd = UserStrings.memfd(task, "swap", 0);
            task.ftruncate(fd, 4 * PAGE_SIZE);
            ShmemFile file = task.file(fd).shmem(Errno.EBADF);
            swapOut(task, fd, 4 * PAGE_SIZE, 1);
            assertThat(PageCache.isValue(task.call(() -> file.pageCache.load(1)))).isTrue();
            long a = task.mmap(0, 4 * PAGE_SIZE, PROT_READ, MAP_SHARED, fd, 0);
            assertThat(task.call(() -> file.lookup(1))).isEqualTo(-1);
            assertThat(task.call(() -> file.isUptodate(1))).isFalse();
            assertThat(task.mincore(a, 4 * PAGE_SIZE)).containsExactly(0, 0, 0, 0);
            kernel.checkInvariants();
        }
    }

    @Test
    void truncateAndHolePunchDropSwapEntriesAndPagesAlike() {
        try (Kernel kernel = kernelWithSwap()) {
            Task task = (Task) kernel.newProcess(true);
            int fd = UserStrings.memfd(task, "swap", 0);
            task.ftruncate(fd, 8 * PAGE_SIZE);
            ShmemFile file = task.file(fd).shmem(Errno.EBADF);
            task.fallocate(fd, 0, 0, PAGE_SIZE);
            swapOut(task, fd, 8 * PAGE_SIZE, 1, 2, 5, 7);
            assertThat(slotsInUse(task)).isEqualTo(4);
            int free = task.machine.memory.freeFrames();
            task.fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 3 * PAGE_SIZE);
            assertThat(file.pageCache.load(0)).isZero();
            assertThat(file.pageCache.load(1)).isZero();
            assertThat(file.pageCache.load(2)).isZero();
            assertThat(task.machine.memory.freeFrames()).as("the punched page is freed").isEqualTo(free + 1);
            assertThat(slotsInUse(task)).as("the punched slots are freed").isEqualTo(2);
            task.ftruncate(fd, 6 * PAGE_SIZE);
            assertThat(PageCache.isValue(file.pageCache.load(5))).isTrue();
            assertThat(file.pageCache.load(7)).isZero();
            assertThat(slotsInUse(task)).isEqualTo(1);
            kernel.checkInvariants();
            task.close(fd);
            assertThat(file.pageCache.load(5)).as("eviction empties the cache").isZero();
            assertThat(slotsInUse(task)).isZero();
        }
    }
}
