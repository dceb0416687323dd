package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cached translations never outlive the PTE they came from: every case where Linux flushes the TLB. */
class SoftTlbTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final SimThread thread = p.newThread();
    private final long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void forkWriteProtectsCachedWritableEntries() {
        thread.storeLong(a, 1);
        SimProcess child = p.fork();
        thread.storeLong(a, 2);
        assertThat(child.loadLong(a)).isEqualTo(1);
        assertThat(thread.loadLong(a)).isEqualTo(2);
    }

    @Test
    void mprotectRevokesCachedWrite() {
        thread.storeLong(a, 1);
        p.mprotect(a, PAGE_SIZE, PROT_READ);
        assertThatThrownBy(() -> thread.storeLong(a, 2)).isInstanceOf(MemoryFault.class);
        assertThat(thread.loadLong(a)).isEqualTo(1);
    }

    @Test
    void dontneedAndMunmapDropCachedPages() {
        thread.storeLong(a, 1);
        p.madvise(a, PAGE_SIZE, MADV_DONTNEED);
        assertThat(thread.loadLong(a)).isZero();
        thread.storeLong(a + PAGE_SIZE, 3);
        p.munmap(a + PAGE_SIZE, PAGE_SIZE);
        assertThatThrownBy(() -> thread.loadLong(a + PAGE_SIZE))
                .isInstanceOfSatisfying(MemoryFault.class, f -> assertThat(f.code()).isEqualTo(Signal.SEGV_MAPERR));
    }

    @Test
    void zeroPageEntryIsReplacedOnWriteFromAnotherThread() {
        assertThat(thread.loadLong(a)).isZero();
        p.storeLong(a, 5);
        assertThat(thread.loadLong(a)).isEqualTo(5);
    }
}
