package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Loads and stores of 1, 2, 4 and 8 bytes through {@link SimThread}: little-endian, within a page
 * and across two, as x86 performs them. A split access checks both pages before it touches either,
 * so a store whose second page faults writes nothing (the kernel here cannot be asked this through
 * the scenario language; x86 raises the #PF of a split store before any byte is committed, and
 * Linux's signal delivery then finds memory unchanged).
 */
class TypedAccessTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final SimProcess p = kernel.newProcess(true);
    private final SimThread thread = p.newThread();
    private final long a = p.mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void eachWidthIsLittleEndianAndTouchesOnlyItsBytes() {
        thread.storeLong(a, 0x1122_3344_5566_7788L);
        assertThat(thread.loadByte(a)).isEqualTo((byte) 0x88);
        assertThat(thread.loadShort(a)).isEqualTo((short) 0x7788);
        assertThat(thread.loadInt(a + 4)).isEqualTo(0x1122_3344);
        thread.storeByte(a + 1, (byte) 0xff);
        thread.storeShort(a + 2, (short) 0xabcd);
        thread.storeInt(a + 4, 0xdead_beef);
        assertThat(thread.loadLong(a)).isEqualTo(0xdead_beef_abcd_ff88L);
        assertThat(thread.loadInt(a)).as("sign kept").isEqualTo(0xabcd_ff88);
        assertThat(p.loadLong(a)).as("another thread sees the same bytes").isEqualTo(0xdead_beef_abcd_ff88L);
    }

    @Test
    void accessesAcrossAPageBoundaryJoinBothPages() {
        long boundary = a + PAGE_SIZE;
        for (int before = 1; before < Long.BYTES; before++) {
            long value = 0x0102_0304_0506_0708L * before;
            thread.storeLong(boundary - before, value);
            assertThat(thread.loadLong(boundary - before)).isEqualTo(value);
            assertThat(p.mainThread().loadByte(boundary - before)).isEqualTo((byte) value);
            assertThat(p.mainThread().loadByte(boundary)).as("the first byte of the second page").isEqualTo((byte) (value >>> (8 * before)));
        }
        thread.storeInt(boundary - 1, 0x4433_2211);
        assertThat(thread.loadShort(boundary - 1)).isEqualTo((short) 0x2211);
        assertThat(p.mainThread().loadInt(boundary - 1)).isEqualTo(0x4433_2211);
    }

    @Test
    void aSplitStoreWhoseSecondPageFaultsWritesNothing() {
        long boundary = a + PAGE_SIZE;
        thread.storeLong(boundary - 8, 0x1111_1111_1111_1111L);
        p.mprotect(boundary, PAGE_SIZE, PROT_READ);
        assertThatThrownBy(() -> thread.storeLong(boundary - 4, -1L)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.code()).isEqualTo(Signal.SEGV_ACCERR));
        assertThat(thread.loadLong(boundary - 8)).as("the first page keeps its bytes").isEqualTo(0x1111_1111_1111_1111L);
        p.munmap(boundary, PAGE_SIZE);
        assertThatThrownBy(() -> thread.storeInt(boundary - 2, -1)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.code()).isEqualTo(Signal.SEGV_MAPERR));
        assertThat(thread.loadLong(boundary - 8)).isEqualTo(0x1111_1111_1111_1111L);
        assertThatThrownBy(() -> thread.loadLong(boundary - 4)).isInstanceOf(MemoryFault.class);
    }
}
