package org.mmkit.core.mm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmkit.core.Uapi.*;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmkit.core.Errno;
import org.mmkit.core.Kernel;
import org.mmkit.core.KernelConfig;
import org.mmkit.core.mem.PhysicalMemory;
import org.mmkit.core.pgtable.PteLayout;

/**
 * {@code copy_to_user} / {@code copy_from_user}: the same faults a user access makes, bytes not
 * copied returned as the kernel's {@code raw_copy_*_user} does, EFAULT from the {@code OrFault} forms.
 */
class UserCopyTest {
    private final Kernel kernel = Kernel.create(KernelConfig.linux618());
    private final Task task = (Task) kernel.newProcess(true);

    @AfterEach
    void close() {
        kernel.close();
    }

    private long anon(long pages, int prot) {
        return task.mmap(0, pages * PAGE_SIZE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }

    private static long pte(Task t, long va) {
        return t.call(() -> t.mm.pte(va));
    }

    @Test
    void copyToUserBreaksCowOfAPageSharedAfterFork() {
        long a = anon(1, PROT_READ | PROT_WRITE);
        task.storeLong(a, 0x1111);
        Task child = (Task) task.fork();
        assertThat(PteLayout.pfn(pte(child, a))).isEqualTo(PteLayout.pfn(pte(task, a)));
        byte[] src = {1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(child.call(() -> UserCopy.copyToUser(child, a + 8, src, 0, 8))).isZero();
        assertThat(PteLayout.pfn(pte(child, a))).as("the child got its own copy").isNotEqualTo(PteLayout.pfn(pte(task, a)));
        assertThat(PteLayout.isDirty(pte(child, a)) && PteLayout.isWritable(pte(child, a))).isTrue();
        assertThat(child.loadLong(a)).as("the copy kept the old contents").isEqualTo(0x1111);
        assertThat(child.loadLong(a + 8)).isEqualTo(0x0807060504030201L);
        assertThat(task.loadLong(a + 8)).as("the parent is untouched").isZero();
        kernel.checkInvariants();
    }

    @Test
    void copyFromUserOfAnUntouchedAnonymousPageReadsTheZeroPage() {
        long a = anon(1, PROT_READ | PROT_WRITE);
        byte[] dst = new byte[16];
        Arrays.fill(dst, (byte) 0x5a);
        task.run(() -> UserCopy.copyFromUserOrFault(task, a + 100, dst));
        assertThat(dst).containsOnly(0);
        assertThat(PteLayout.pfn(pte(task, a))).isEqualTo(PhysicalMemory.ZERO_PFN);
    }

    @Test
    void unmappedAndProtNoneMemoryIsEfault() {
        long a = anon(2, PROT_READ | PROT_WRITE);
        task.mprotect(a + PAGE_SIZE, PAGE_SIZE, PROT_NONE);
        long hole = anon(1, PROT_READ);
        task.munmap(hole, PAGE_SIZE);
        for (long addr : new long[] {a + PAGE_SIZE, hole, 0, task.machine.config.taskSize() - 4}) {
            assertThatThrownBy(() -> task.run(() -> UserCopy.copyToUserOrFault(task, addr, new byte[8])))
                    .hasFieldOrPropertyWithValue("errno", Errno.EFAULT);
            assertThatThrownBy(() -> task.run(() -> UserCopy.copyFromUserOrFault(task, addr, new byte[8])))
                    .hasFieldOrPropertyWithValue("errno", Errno.EFAULT);
        }
        long readOnly = anon(1, PROT_READ);
        assertThat(task.call(() -> UserCopy.copyToUser(task, readOnly, new byte[8], 0, 8))).isEqualTo(8);
        assertThat(task.call(() -> UserCopy.copyFromUser(task, readOnly, new byte[8], 0, 8))).isZero();
    }

    @Test
    void aCopyAcrossTheEndOfAMappingIsPartial() {
        long a = anon(2, PROT_READ | PROT_WRITE);
        task.munmap(a + PAGE_SIZE, PAGE_SIZE);
        task.store(a + PAGE_SIZE - 3, new byte[] {7, 8, 9});
        byte[] dst = new byte[10];
        Arrays.fill(dst, (byte) -1);
        assertThat(task.call(() -> UserCopy.copyFromUser(task, a + PAGE_SIZE - 3, dst, 2, 8))).isEqualTo(5);
        assertThat(dst).containsExactly(-1, -1, 7, 8, 9, 0, 0, 0, 0, 0);
        byte[] src = {1, 2, 3, 4, 5, 6};
        assertThat(task.call(() -> UserCopy.copyToUser(task, a + PAGE_SIZE - 2, src, 1, 5))).isEqualTo(3);
        byte[] back = new byte[2];
        task.load(a + PAGE_SIZE - 2, back);
        assertThat(back).containsExactly(2, 3);
    }
}
