package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmkit.core.Uapi.*;

import org.mmkit.core.UserStrings;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;

/**
 * Swap entries in a memfd's page cache, set directly since no swap device exists yet: they are
 * data for SEEK_DATA/SEEK_HOLE ({@code folio_seek_hole_data} takes value entries as data) and
 * count in FIOQSIZE (a swapped-out page keeps its blocks in {@code i_blocks}).
 */
class ShmemFileOperationsTest {
    private static final long SWAP = PageCache.valueEntry(0x123);

    @Test
    void swapEntriesAreDataAndKeepTheirBlocks() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            Task task = (Task) kernel.newProcess(true);
            int fd = UserStrings.memfd(task, "swapped", 0);
            task.ftruncate(fd, 4 * PAGE_SIZE);
            OpenFile file = task.file(fd);
            file.shmem(Errno.EBADF).pageCache.store(2, SWAP);
            assertThat(task.lseek(fd, 0, SEEK_DATA)).isEqualTo(2 * PAGE_SIZE);
            assertThat(task.lseek(fd, 2 * PAGE_SIZE, SEEK_HOLE)).isEqualTo(3 * PAGE_SIZE);
            assertThat(file.ops.allocatedBytes()).isEqualTo(PAGE_SIZE);
            file.shmem(Errno.EBADF).pageCache.store(2, 0);
        }
    }
}
