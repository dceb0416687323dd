package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.MemoryFault;
import org.mmkit.core.Signal;
import org.mmkit.core.SimProcess;

/**
 * The lockless TLB fill (GUP-fast's walk) against the calls that take a translation away, run
 * exactly in its window: between its page walk and taking the TLB ({@link CpuThread#afterLocklessWalk}).
 * The thread's TLB is empty, so the call's shootdown has nothing to flush there and leaves the
 * TLB's version alone; only the shootdown's generation, which the fill reads again after taking
 * the TLB, tells the fill that its walk is stale. Each case fails with that check removed.
 */
class LocklessTlbFillTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618().toBuilder().ramPages(64).build());
    private final Task task = (Task) kernel.newProcess(true);
    private final long a = task.mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    /** A thread with an empty TLB; the page is resident, accessed and dirty, so its first access fills with no lock. */
    private final CpuThread cpu;

    LocklessTlbFillTest() {
        task.storeLong(a, 1);
        cpu = (CpuThread) task.newThread();
    }

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void aFillWithNothingRacingCachesTheTranslationOnce() {
        int[] walks = {0};
        cpu.afterLocklessWalk = () -> walks[0]++;
        cpu.storeLong(a, 2);
        assertThat(cpu.loadLong(a)).isEqualTo(2);
        cpu.storeInt(a + 8, 3);
        assertThat(walks[0]).as("one lockless walk, then hits").isEqualTo(1);
        assertThat(task.loadLong(a)).isEqualTo(2);
    }

    @Test
    void aStoreWhoseWalkRacedWithMprotectFaultsInsteadOfWritingThroughTheOldPte() {
        raceOnce(() -> task.mprotect(a, PAGE_SIZE, PROT_READ));
        assertThatThrownBy(() -> cpu.storeLong(a, 2)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.code()).isEqualTo(Signal.SEGV_ACCERR));
        assertThat(task.loadLong(a)).isEqualTo(1);
    }

    @Test
    void aStoreWhoseWalkRacedWithForkBreaksCowAndTheChildKeepsItsCopy() {
        SimProcess[] child = {null};
        raceOnce(() -> child[0] = task.fork());
        cpu.storeLong(a, 2);
        assertThat(child[0].loadLong(a)).as("the child's copy").isEqualTo(1);
        assertThat(task.loadLong(a)).isEqualTo(2);
        kernel.checkInvariants();
    }

    @Test
    void aStoreWhoseWalkRacedWithMunmapNeverWritesTheFrameAfterItIsReused() {
        long pages = task.machine.memory.freeFrames() + 1;
        long b = mapElsewhere(pages);
        raceOnce(() -> unmapAndReuse(b, pages));
        assertThatThrownBy(() -> cpu.storeLong(a, 2)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.code()).isEqualTo(Signal.SEGV_MAPERR));
        for (long i = 0; i < pages; i++) {
            assertThat(task.loadLong(b + i * PAGE_SIZE)).as("page %d of the new mapping", i).isEqualTo(pattern(i));
        }
    }

    @Test
    void aLoadWhoseWalkRacedWithMunmapNeverReadsTheFramesNextOwner() {
        long pages = task.machine.memory.freeFrames() + 1;
        long b = mapElsewhere(pages);
        raceOnce(() -> unmapAndReuse(b, pages));
        assertThatThrownBy(() -> cpu.loadLong(a)).isInstanceOfSatisfying(MemoryFault.class,
                f -> assertThat(f.code()).isEqualTo(Signal.SEGV_MAPERR));
    }

    /** A mapping of {@code pages} made before the page goes, so that it cannot take the page's place. */
    private long mapElsewhere(long pages) {
        return task.mmap(0, pages * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    /** Unmaps the page, then fills every free frame (the one unmapped included) with its own pattern through the mapping at {@code b}. */
    private void unmapAndReuse(long b, long pages) {
        task.munmap(a, PAGE_SIZE);
        for (long i = 0; i < pages; i++) {
            task.storeLong(b + i * PAGE_SIZE, pattern(i));
        }
    }

    @Test
    void aFillWhoseWalkRacedWithTheKernelClosingSaysTheKernelIsClosed() {
        raceOnce(kernel::close);
        assertThatThrownBy(() -> cpu.loadLong(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kernel is closed");
    }

    /** Runs {@code call} in the window of the thread's next lockless fill only. */
    private void raceOnce(Runnable call) {
        cpu.afterLocklessWalk = () -> {
            cpu.afterLocklessWalk = null;
            call.run();
        };
    }

    private static long pattern(long page) {
        return 0x5a5a_0000_0000_0000L | page;
    }
}
