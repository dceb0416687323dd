package org.mmkit.core.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.ValueLayout;

import org.junit.jupiter.api.Test;

/** Frame allocation order, reference counting and contents. */
class PhysicalMemoryTest {
    private static final int FRAMES = (int) PhysicalMemory.MIN_FRAMES;
    private final PhysicalMemory memory = new PhysicalMemory(FRAMES);

    @Test
    void freshFramesComeInOrderBeforeFreedOnesAreReused() {
        assertThat(memory.freeFrames()).isEqualTo(FRAMES - PhysicalMemory.RESERVED_FRAMES);
        int a = memory.allocate();
        int b = memory.allocate();
        assertThat(a).isEqualTo(PhysicalMemory.RESERVED_FRAMES);
        assertThat(b).isEqualTo(a + 1);
        memory.put(a);
        assertThat(memory.allocate()).isEqualTo(b + 1);
        for (int i = b + 2; i < FRAMES; i++) {
            assertThat(memory.allocate()).isEqualTo(i);
        }
        assertThat(memory.allocate()).as("reused once RAM is exhausted").isEqualTo(a);
    }

    @Test
    void exhaustionIsReportedNotThrown() {
        for (int i = 0; i < FRAMES - PhysicalMemory.RESERVED_FRAMES; i++) {
            assertThat(memory.allocate()).isPositive();
        }
        assertThat(memory.allocate()).isEqualTo(-1);
    }

    @Test
    void reallocatedFramesAreZeroedAndFlagsCleared() {
        int pfn = memory.allocate();
        memory.contents(pfn).set(ValueLayout.JAVA_BYTE, 100, (byte) 5);
        memory.set(pfn, PhysicalMemory.PG_ANON);
        memory.put(pfn);
        while (memory.freeFrames() > 1) {
            memory.allocate();
        }
        assertThat(memory.allocate()).isEqualTo(pfn);
        assertThat(memory.getByte(pfn, 100)).isZero();
        assertThat(memory.test(pfn, PhysicalMemory.PG_ANON)).isFalse();
    }

    @Test
    void zeroPageIsNeverFreedAndMisuseIsCaught() {
        memory.put(PhysicalMemory.ZERO_PFN);
        assertThat(memory.refcount(PhysicalMemory.ZERO_PFN)).isEqualTo(1);
        int pfn = memory.allocate();
        memory.addMapcount(pfn, 1);
        assertThatThrownBy(() -> memory.put(pfn)).hasMessageContaining("freeing mapped frame");
        assertThatThrownBy(() -> memory.addMapcount(pfn, -2)).hasMessageContaining("mapcount underflow");
    }
}
