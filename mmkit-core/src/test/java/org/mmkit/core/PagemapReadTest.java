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
}
