package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read rules of /proc/PID/pagemap (kernel-spec §1.2), which scenarios cannot express. */
class PagemapReadTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final long endOffset = kernel.config().taskSize() / PAGE_SIZE * 8;

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void offsetAndCountMustBeMultiplesOfEight() {
        assertThatThrownBy(() -> p.pagemapRead(4, new byte[8])).hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
        assertThatThrownBy(() -> p.pagemapRead(8, new byte[12])).hasFieldOrPropertyWithValue("errno", Errno.EINVAL);
        assertThat(p.pagemapRead(8, new byte[0])).isZero();
    }

    @Test
    void readsStopAtTheTaskSize() {
        assertThat(p.pagemapRead(endOffset, new byte[8])).as("EOF").isZero();
        assertThat(p.pagemapRead(endOffset + (1L << 40), new byte[8])).isZero();
        assertThat(p.pagemapRead(endOffset - 16, new byte[64])).as("short read").isEqualTo(16);
    }

    @Test
    void unmappedAndUntouchedPagesReadZero() {
        long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        byte[] entries = new byte[32];
        assertThat(p.pagemapRead((a / PAGE_SIZE - 1) * 8, entries)).isEqualTo(32);
        assertThat(entries).containsOnly(0);
    }

    /**
     * One read across two mappings 1 GiB apart, the gap between them, their untouched pages and
     * their missing page tables (skipped a table at a time): exactly the touched pages read as
     * present, and a buffer filled with garbage is overwritten everywhere.
     */
    @Test
    void oneReadAcrossGapsAndMissingTablesFillsEveryEntry() {
        long gap = 1L << 30;
        long low = p.mmap(0x100000000L, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        long high = p.mmap(low + gap, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        p.mainThread().store(low + PAGE_SIZE, new byte[] {1});
        p.mainThread().store(high + 3 * PAGE_SIZE, new byte[] {1});
        long first = low / PAGE_SIZE - 600;
        int pages = (int) (gap / PAGE_SIZE) + 1200;
        byte[] entries = new byte[pages * 8];
        java.util.Arrays.fill(entries, (byte) 0x5a);
        assertThat(p.pagemapRead(first * 8, entries)).isEqualTo(entries.length);
        java.nio.LongBuffer read = java.nio.ByteBuffer.wrap(entries).order(java.nio.ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        for (int i = 0; i < pages; i++) {
            long va = (first + i) * PAGE_SIZE;
            boolean touched = va == low + PAGE_SIZE || va == high + 3 * PAGE_SIZE;
            long entry = read.get(i);
            assertThat(entry < 0).as("present bit at 0x%x", va).isEqualTo(touched);
            if (!touched) {
                assertThat(entry).as("entry at 0x%x", va).isZero();
            }
        }
    }
}
