package org.mmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.Test;

/** Machine limits: RAM exhaustion, vm.max_map_count, and sizes that must stay practical. */
class ScaleAndLimitsTest {

    @Test
    void runningOutOfFramesKillsTheProcessAndFailsPopulate() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(16).build())) {
            SimProcess p = kernel.newProcess(true);
            long a = p.mmap(0, 32 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            assertThatThrownBy(() -> p.mmap(0, 32 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
                    .as("overcommit heuristic: more than RAM").hasFieldOrPropertyWithValue("errno", Errno.ENOMEM);
            p.store(a, new byte[(int) (14 * PAGE_SIZE)]);
            assertThatThrownBy(() -> p.store(a + 14 * PAGE_SIZE, new byte[1]))
                    .isInstanceOfSatisfying(MemoryFault.class, f -> {
                        assertThat(f.signal()).isEqualTo(Signal.SIGKILL);
                        assertThat(f.getMessage()).isEqualTo("SIGKILL at 0x" + Long.toHexString(a + 14 * PAGE_SIZE));
                    });
            assertThatThrownBy(() -> p.mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
                    .as("the OOM killer ended the process").isInstanceOf(IllegalStateException.class)
                    .hasMessage("process " + p.pid() + " was killed by SIGKILL (out of memory)");
            assertThatThrownBy(() -> p.load(a, new byte[1])).isInstanceOf(IllegalStateException.class);
            kernel.checkInvariants();

            // its exit freed its frames; a populate that runs out fails with ENOMEM and kills no one
            SimProcess q = kernel.newProcess(true);
            long b = q.mmap(0, 32 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            q.store(b, new byte[(int) (14 * PAGE_SIZE)]);
            assertThatThrownBy(() -> q.madvise(b + 14 * PAGE_SIZE, 2 * PAGE_SIZE, MADV_POPULATE_WRITE))
                    .hasFieldOrPropertyWithValue("errno", Errno.ENOMEM);
            q.munmap(b, PAGE_SIZE);
            q.store(b + 14 * PAGE_SIZE, new byte[1]);
            kernel.checkInvariants();
        }
    }

    @Test
    void mapCountMayExceedTheSysctlByOneAndThenSplitsFail() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().maxMapCount(10).build())) {
            SimProcess p = kernel.newProcess(true);
            long last = 0;
            for (int i = 0; i < 11; i++) {
                last = p.mmap(0, PAGE_SIZE, i % 2 == 0 ? PROT_READ : PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            }
            assertThat(p.maps().lines()).hasSize(11);
            assertThatThrownBy(() -> p.mmap(0, PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0))
                    .hasFieldOrPropertyWithValue("errno", Errno.ENOMEM);
            p.munmap(last, PAGE_SIZE);
            long three = p.mmap(0, 3 * PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
            assertThatThrownBy(() -> p.mprotect(three + PAGE_SIZE, PAGE_SIZE, PROT_NONE))
                    .hasFieldOrPropertyWithValue("errno", Errno.ENOMEM);
            assertThatThrownBy(() -> p.munmap(three + PAGE_SIZE, PAGE_SIZE))
                    .hasFieldOrPropertyWithValue("errno", Errno.ENOMEM);
            p.munmap(three, PAGE_SIZE);
            assertThat(p.maps().lines()).hasSize(11);
        }
    }

    @Test
    void touchingOneGibibyteIsPractical() {
        long gib = 1L << 30;
        try (Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages((gib >> 12) + 64).build())) {
            SimProcess p = kernel.newProcess(true);
            long a = p.mmap(0, gib, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            assertThat(a & (PMD_SIZE - 1)).as("THP-aligned placement").isZero();
            for (long off = 0; off < gib; off += PAGE_SIZE) {
                p.storeLong(a + off, off);
            }
            for (long off = 0; off < gib; off += 64 * PAGE_SIZE) {
                assertThat(p.loadLong(a + off)).isEqualTo(off);
            }
            p.munmap(a, gib);
            kernel.checkInvariants();
        }
    }

    @Test
    void sixtyThousandVmasArePractical() {
        try (Kernel kernel = Kernel.create(KernelConfig.linux618())) {
            SimProcess p = kernel.newProcess(true);
            long first = 0;
            long last = 0;
            for (int i = 0; i < 60_000; i++) {
                last = p.mmap(0, PAGE_SIZE, i % 2 == 0 ? PROT_READ : PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                if (i == 0) {
                    first = last;
                }
            }
            assertThat(first - last).as("top-down and packed").isEqualTo(59_999 * PAGE_SIZE);
            for (long va = last; va < first; va += 97 * PAGE_SIZE) {
                p.load(va, new byte[1]);
            }
            p.mprotect(last, first + PAGE_SIZE - last, PROT_READ);
            assertThat(p.maps().lines()).hasSize(1);
            kernel.checkInvariants();
        }
    }
}
